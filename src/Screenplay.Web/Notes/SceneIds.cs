using System.Security.Cryptography;

namespace Screenplay.Web.Notes;

/// <summary>
/// Ids for new scenes that every app instance computes alike: a name-based GUID (RFC 9562 version 5, SHA-1) of the
/// script id, the edit-log version that made the scene and its place among the scenes that version created. Two
/// instances carrying identity through the same updates therefore write the same rows.
/// </summary>
internal static class SceneIds
{
    public static Guid For(Guid scriptId, int version, int index)
    {
        Span<byte> name = stackalloc byte[16 + 8];
        scriptId.TryWriteBytes(name, bigEndian: true, out _);
        BitConverter.TryWriteBytes(name[16..], version);
        BitConverter.TryWriteBytes(name[20..], index);
        Span<byte> hash = stackalloc byte[20];
        // The namespace is the script id itself, so the name need only carry the version and index.
        SHA1.HashData(name, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>A generator for the scenes one version creates, numbered in the order they are asked for.</summary>
    public static Func<Guid> Generator(Guid scriptId, int version)
    {
        var next = 0;
        return () => For(scriptId, version, next++);
    }
}
