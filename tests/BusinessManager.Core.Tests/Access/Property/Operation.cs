using CsCheck;

namespace BusinessManager.Core.Tests.Access.Property;

public enum OpKind
{
    CreateBusiness,
    AddMember,
    ChangeRole,
    RemoveMember,
    DeletePerson,
    CreateAsset,
    RenameAsset,
    ActivatePartnership,
    EndPartnership,
    Share,
    ChangeCeiling,
    EndShare,
    Assign,
    Unassign,
    RawAssign,
    RawUnassign,
    Archive,
    ChangeOwner,
}

/// <summary>
/// One generated step. The numbers are not ids: the scenario reads them modulo whatever exists at that moment
/// (existing assets, a business's members, an asset's partners), so that most steps do something and shrinking
/// towards small numbers keeps a sequence meaningful.
/// </summary>
public sealed record Op(OpKind Kind, int X, int Y, int Z, int W)
{
    public override string ToString() => $"{Kind}({X},{Y},{Z},{W})";
}

public static class Ops
{
    private static readonly (int Weight, OpKind Kind)[] Weights =
    [
        (3, OpKind.CreateBusiness),
        (8, OpKind.AddMember),
        (3, OpKind.ChangeRole),
        (3, OpKind.RemoveMember),
        (1, OpKind.DeletePerson),
        (6, OpKind.CreateAsset),
        (1, OpKind.RenameAsset),
        (4, OpKind.ActivatePartnership),
        (2, OpKind.EndPartnership),
        (7, OpKind.Share),
        (4, OpKind.ChangeCeiling),
        (2, OpKind.EndShare),
        (10, OpKind.Assign),
        (3, OpKind.Unassign),
        (6, OpKind.RawAssign),
        (2, OpKind.RawUnassign),
        (1, OpKind.Archive),
        (2, OpKind.ChangeOwner),
    ];

    // A sequence opens with a setup run that mostly creates things, so that the random run after it works on
    // businesses that have people, assets and partners instead of on an empty universe.
    private static readonly (int Weight, OpKind Kind)[] SetupWeights =
    [
        (1, OpKind.CreateBusiness),
        (6, OpKind.AddMember),
        (5, OpKind.CreateAsset),
        (3, OpKind.ActivatePartnership),
        (5, OpKind.Share),
        (5, OpKind.Assign),
        (2, OpKind.RawAssign),
    ];

    private static readonly Gen<Op> Founding = OfKinds([(1, OpKind.CreateBusiness)]);

    public static readonly Gen<Op[]> Setup =
        Gen.Select(Founding.Array[2, 5], OfKinds(SetupWeights).Array[15, 40],
            (first, rest) => (Op[])[.. first, .. rest]);

    public static readonly Gen<Op[]> Mixed = OfKinds(Weights).Array[10, 60];

    public static readonly Gen<Op[]> Sequence = Gen.Select(Setup, Mixed, (setup, mixed) => (Op[])[.. setup, .. mixed]);

    private static Gen<Op> OfKinds((int Weight, OpKind Kind)[] weights) =>
        Gen.Select(Gen.Frequency(weights.Select(w => (w.Weight, (IGen<OpKind>)Gen.Const(w.Kind))).ToArray()),
            Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999], Gen.Int[0, 999],
            (kind, x, y, z, w) => new Op(kind, x, y, z, w));
}
