namespace BusinessManager.Core.Access;

/// <summary>The open-addressing id-to-slot table that the check path reads.</summary>
public sealed partial class AccessIndex
{
    /// <summary>
    /// Maps an id to its slot plus one int of what the check path needs beside it, in one array of 16-byte
    /// entries (open addressing, linear probing): a hit is usually one cache miss where a Dictionary takes two
    /// (bucket, then entry). Not thread-safe by itself; the index's lock guards it.
    /// </summary>
    private sealed class IdTable
    {
        private Entry[] _entries = new Entry[16];
        private int _count;

        public bool TryGetValue(long id, out int slot) => TryGetValue(id, out slot, out _);

        public bool TryGetValue(long id, out int slot, out int extra)
        {
            var entries = _entries;
            for (var i = Reduce(Spread((ulong)id), entries.Length); ; i = Next(i, entries.Length))
            {
                ref readonly var entry = ref entries[i];
                if (entry.SlotPlusOne == 0 || entry.Id == id)
                {
                    slot = entry.SlotPlusOne - 1;
                    extra = entry.Extra;
                    return entry.SlotPlusOne != 0;
                }
            }
        }

        public void Add(long id, int slot, int extra)
        {
            if (IndexOf(id) != None)
            {
                throw new ArgumentException($"Id {id} is already in the table.", nameof(id));
            }

            if ((long)(_count + 1) * 10 > (long)_entries.Length * 7)
            {
                Resize(_entries.Length * 2);
            }

            Place(_entries, new Entry { Id = id, SlotPlusOne = slot + 1, Extra = extra });
            _count++;
        }

        public void SetExtra(long id, int extra)
        {
            var i = IndexOf(id);
            if (i != None)
            {
                _entries[i].Extra = extra;
            }
        }

        public void Remove(long id)
        {
            var hole = IndexOf(id);
            if (hole == None)
            {
                return;
            }

            var entries = _entries;
            for (var i = Next(hole, entries.Length); entries[i].SlotPlusOne != 0; i = Next(i, entries.Length))
            {
                if (!CyclicallyWithin(Reduce(Spread((ulong)entries[i].Id), entries.Length), hole, i))
                {
                    entries[hole] = entries[i];
                    hole = i;
                }
            }

            entries[hole] = default;
            _count--;
        }

        public void EnsureCapacity(int count)
        {
            if ((long)count * 10 > (long)_entries.Length * 7)
            {
                Resize(count / 7 * 10 + 16);
            }
        }

        private int IndexOf(long id)
        {
            var entries = _entries;
            for (var i = Reduce(Spread((ulong)id), entries.Length); ; i = Next(i, entries.Length))
            {
                if (entries[i].SlotPlusOne == 0)
                {
                    return None;
                }

                if (entries[i].Id == id)
                {
                    return i;
                }
            }
        }

        private void Resize(int capacity)
        {
            var old = _entries;
            _entries = new Entry[capacity];
            foreach (var entry in old)
            {
                if (entry.SlotPlusOne != 0)
                {
                    Place(_entries, entry);
                }
            }
        }

        private static void Place(Entry[] entries, Entry entry)
        {
            var i = Reduce(Spread((ulong)entry.Id), entries.Length);
            while (entries[i].SlotPlusOne != 0)
            {
                i = Next(i, entries.Length);
            }

            entries[i] = entry;
        }

        private struct Entry
        {
            public long Id;

            /// <summary>The slot plus one, so that a zeroed entry is an empty one.</summary>
            public int SlotPlusOne;

            public int Extra;
        }
    }
}
