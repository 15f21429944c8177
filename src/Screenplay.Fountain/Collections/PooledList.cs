using System.Buffers;

namespace Screenplay.Fountain.Collections;

/// <summary>
/// A growable list on arrays rented from <see cref="ArrayPool{T}.Shared"/>. A long script's element list passes
/// 85 KB, where a plain <see cref="List{T}"/> would put each of its growing arrays on the large object heap; every such
/// allocation counts toward a full (gen 2) collection, which marks the whole live document being built. Renting keeps
/// those arrays off the allocator, so the garbage collector's work grows with the script, not faster.
/// </summary>
internal sealed class PooledList<T> : IDisposable
{
    private T[] _items;

    public PooledList(int capacity = 16) => _items = ArrayPool<T>.Shared.Rent(Math.Max(16, capacity));

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, larger, Count);
            ArrayPool<T>.Shared.Return(_items, clearArray: true);
            _items = larger;
        }

        _items[Count++] = item;
    }

    public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);

    public void Dispose()
    {
        ArrayPool<T>.Shared.Return(_items, clearArray: true);
        _items = [];
        Count = 0;
    }
}
