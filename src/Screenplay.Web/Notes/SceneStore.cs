using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Screenplay.Web.Data;

namespace Screenplay.Web.Notes;

/// <summary>A scene row to write: in the text at <see cref="Ordinal"/>, or vanished (no ordinal) with its last text.</summary>
internal sealed record SceneRow(Guid Id, int? Ordinal, string Heading, string? VanishedText);

/// <summary>A note's passage as of a version of the log; null offsets when the passage was deleted.</summary>
internal sealed record PinRow(Guid NoteId, int? From, int? To);

/// <summary>
/// Writes what the session learns about scenes and pins in one statement each. Every row carries the version it
/// describes and is only overwritten by a newer one, so writing the same facts twice (a retry, a second app
/// instance) or late (after a newer write) changes nothing. A passage stored as gone (its text deleted, or dropped
/// by a move) is never written again: text once deleted never maps back, and a move is final, so a save of offsets
/// taken before the move that lands after it (here or from another instance) changes nothing either.
/// </summary>
internal static class SceneStore
{
    public static async Task SaveAsync(ScreenplayDbContext db, Guid scriptId, int version, IReadOnlyCollection<SceneRow> scenes,
        IReadOnlyCollection<PinRow> pins, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (scenes.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO scenes (id, script_id, ordinal, heading, vanished_at, vanished_text, version)
                SELECT u.id, @script, u.ordinal, u.heading, CASE WHEN u.ordinal IS NULL THEN @now END, u.vanished_text, @version
                FROM unnest(@ids, @ordinals, @headings, @texts) AS u(id, ordinal, heading, vanished_text)
                ON CONFLICT (id) DO UPDATE SET
                    ordinal = excluded.ordinal,
                    heading = excluded.heading,
                    vanished_at = CASE WHEN excluded.ordinal IS NULL THEN coalesce(scenes.vanished_at, excluded.vanished_at) END,
                    vanished_text = excluded.vanished_text,
                    version = excluded.version
                WHERE scenes.version <= excluded.version AND scenes.script_id = excluded.script_id
                """,
                [
                    new NpgsqlParameter("script", scriptId),
                    new NpgsqlParameter("version", version),
                    new NpgsqlParameter("now", now),
                    new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = scenes.Select(s => s.Id).ToArray() },
                    new NpgsqlParameter("ordinals", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = scenes.Select(s => s.Ordinal).ToArray() },
                    new NpgsqlParameter("headings", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = scenes.Select(s => Clip(s.Heading)).ToArray() },
                    new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = scenes.Select(s => s.VanishedText).ToArray() },
                ],
                cancellationToken);
        }

        if (pins.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE notes AS n SET passage_from = u.f, passage_to = u.t, passage_version = @version
                FROM unnest(@ids, @froms, @tos) AS u(id, f, t)
                WHERE n.id = u.id AND n.script_id = @script AND n.passage_from IS NOT NULL AND coalesce(n.passage_version, -1) <= @version
                """,
                [
                    new NpgsqlParameter("script", scriptId),
                    new NpgsqlParameter("version", version),
                    new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = pins.Select(p => p.NoteId).ToArray() },
                    new NpgsqlParameter("froms", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = pins.Select(p => p.From).ToArray() },
                    new NpgsqlParameter("tos", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = pins.Select(p => p.To).ToArray() },
                ],
                cancellationToken);
        }
    }

    private static string Clip(string heading) =>
        heading.Length <= NotesModel.MaxHeadingLength ? heading : heading[..NotesModel.MaxHeadingLength];
}
