using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

public sealed partial class AccessIndex
{
    private static long PairKey(int asset, int person) => ((long)asset << 32) | (uint)person;

    private void SetAssignment(AssignmentSet c)
    {
        if (!TryAsset(c.AssetId, out var asset, out var assetNode))
        {
            return;
        }

        var personNode = PersonSlot(c.PersonId);
        var person = _personSlots[c.PersonId];
        var business = SlotOfBusiness(c.ByBusinessId);
        var existing = FindAssignment(asset, person, business);
        if (existing != None)
        {
            _assignments[existing].Role = c.Role;
            return;
        }

        var slot = AllocateAssignment();
        ref var a = ref _assignments[slot];
        a = new Assignment { Person = person, Asset = asset, Business = business, Role = c.Role };

        var key = PairKey(asset, person);
        a.NextOnPair = _pairHeads.TryGetValue(key, out var head) ? head : None;
        _pairHeads[key] = slot;

        a.NextOnPerson = personNode.FirstAssignment;
        a.PrevOnPerson = None;
        if (a.NextOnPerson != None)
        {
            _assignments[a.NextOnPerson].PrevOnPerson = slot;
        }

        personNode.FirstAssignment = slot;

        a.NextOnAsset = assetNode.FirstAssignment;
        a.PrevOnAsset = None;
        if (a.NextOnAsset != None)
        {
            _assignments[a.NextOnAsset].PrevOnAsset = slot;
        }

        assetNode.FirstAssignment = slot;
        _assignmentCount++;
    }

    private void RemoveAssignment(long personId, long assetId, long byBusinessId)
    {
        if (!_assetSlots.TryGetValue(assetId, out var asset)
            || !_personSlots.TryGetValue(personId, out var person)
            || !_businessSlots.TryGetValue(byBusinessId, out var business))
        {
            return;
        }

        var slot = FindAssignment(asset, person, business);
        if (slot != None)
        {
            FreeAssignment(slot);
        }
    }

    private int FindAssignment(int asset, int person, int business)
    {
        if (!_pairHeads.TryGetValue(PairKey(asset, person), out var slot))
        {
            return None;
        }

        for (; slot != None; slot = _assignments[slot].NextOnPair)
        {
            if (_assignments[slot].Business == business)
            {
                return slot;
            }
        }

        return None;
    }

    private int AllocateAssignment()
    {
        if (_freeAssignment != None)
        {
            var reused = _freeAssignment;
            _freeAssignment = _assignments[reused].NextOnPair;
            return reused;
        }

        if (_assignmentHighWater == _assignments.Length)
        {
            Array.Resize(ref _assignments, _assignments.Length * 2);
        }

        return _assignmentHighWater++;
    }

    private void FreeAssignment(int slot)
    {
        ref var a = ref _assignments[slot];
        UnlinkFromPair(slot, a.Asset, a.Person);

        if (a.PrevOnPerson != None)
        {
            _assignments[a.PrevOnPerson].NextOnPerson = a.NextOnPerson;
        }
        else
        {
            _persons[a.Person].FirstAssignment = a.NextOnPerson;
        }

        if (a.NextOnPerson != None)
        {
            _assignments[a.NextOnPerson].PrevOnPerson = a.PrevOnPerson;
        }

        if (a.PrevOnAsset != None)
        {
            _assignments[a.PrevOnAsset].NextOnAsset = a.NextOnAsset;
        }
        else if (_assets[a.Asset] is { } asset)
        {
            asset.FirstAssignment = a.NextOnAsset;
        }

        if (a.NextOnAsset != None)
        {
            _assignments[a.NextOnAsset].PrevOnAsset = a.PrevOnAsset;
        }

        a = new Assignment { Person = None, NextOnPair = _freeAssignment };
        _freeAssignment = slot;
        _assignmentCount--;
    }

    private void UnlinkFromPair(int slot, int asset, int person)
    {
        var key = PairKey(asset, person);
        var head = _pairHeads[key];
        if (head == slot)
        {
            var next = _assignments[slot].NextOnPair;
            if (next == None)
            {
                _pairHeads.Remove(key);
            }
            else
            {
                _pairHeads[key] = next;
            }

            return;
        }

        for (var i = head; i != None; i = _assignments[i].NextOnPair)
        {
            if (_assignments[i].NextOnPair == slot)
            {
                _assignments[i].NextOnPair = _assignments[slot].NextOnPair;
                return;
            }
        }
    }

    private struct Assignment
    {
        public int Person;
        public int Asset;
        public int Business;
        public int NextOnPair;
        public int NextOnPerson;
        public int PrevOnPerson;
        public int NextOnAsset;
        public int PrevOnAsset;
        public AssetRole Role;
    }
}
