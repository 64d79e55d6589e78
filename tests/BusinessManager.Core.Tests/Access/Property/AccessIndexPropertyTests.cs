using BusinessManager.Core.Access;
using CsCheck;

namespace BusinessManager.Core.Tests.Access.Property;

/// <summary>
/// Random sequences of operations, each step checked against a naive evaluator of rule 5 and against an index
/// rebuilt from the snapshot. Reproduce a failure with the seed CsCheck prints (CsCheck_Seed environment variable).
/// </summary>
public sealed class AccessIndexPropertyTests
{
    // Each sequence is ~40–100 steps, each step compares ~1,200 (person, asset) pairs and both lists; 60 sequences
    // keep this test to a few seconds on two cores, well inside its 20 s budget.
    private const int Sequences = 60;

    // A rebuild is compared in full every few steps and at the end; its snapshot is compared at every step.
    private const int RebuildEvery = 3;

    [Fact]
    public void Apply_RandomOperationSequences_AgreesWithNaiveModelAndRebuiltIndexAfterEveryStep()
    {
        var sequences = Ops.Sequence;

        sequences.Sample(RunAndVerify, iter: Sequences);
    }

    [Fact]
    public void Run_RandomOperationSequences_ReachEveryOperationAndTheMainRefusals()
    {
        var outcomes = new Dictionary<string, int>();

        Ops.Sequence.Sample(ops =>
        {
            var scenario = new Scenario();
            Array.ForEach(ops, op => scenario.Run(op));
            foreach (var (outcome, count) in scenario.Outcomes)
            {
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + count;
            }
        }, iter: 100, threads: 1);

        // Without this the agreement test could pass by comparing empty indexes: every kind of step must commit
        // sometimes, and the rules must be seen refusing, for the reasons that matter, along the way.
        Assert.All(Enum.GetValues<OpKind>(), kind => Assert.Contains($"{kind}:ok", outcomes.Keys));
        string[] refusals =
        [
            "Share:partnership_not_active", "Share:share_exists", "Share:not_business_admin",
            "Share:role_not_for_asset_type", "Assign:role_outside_ceiling", "Assign:not_a_member",
            "Assign:asset_not_found", "RemoveMember:last_admin", "ChangeRole:last_admin",
            "ActivatePartnership:partnership_exists",
        ];
        Assert.All(refusals, refusal => Assert.Contains(refusal, outcomes.Keys));
    }

    private static void RunAndVerify(Op[] ops)
    {
        var scenario = new Scenario();
        var applied = 0;
        for (var step = 0; step < ops.Length; step++)
        {
            if (scenario.Run(ops[step]) is null)
            {
                continue;
            }

            var context = $"step {step} {ops[step]} (revision {scenario.Revision})";
            Assert.Equal(scenario.Revision, scenario.Index.Revision);
            IndexAgreement.Verify(scenario.Index, scenario.Model, context);

            var rebuilt = AccessIndex.Build(scenario.Revision, scenario.Index.Snapshot());
            Assert.Equal(scenario.Revision, rebuilt.Revision);
            Assert.Equal(scenario.Index.Snapshot(), rebuilt.Snapshot());
            if (++applied % RebuildEvery == 0)
            {
                IndexAgreement.Verify(rebuilt, scenario.Model, $"rebuilt at {context}");
            }
        }

        var final = AccessIndex.Build(scenario.Revision, scenario.Index.Snapshot());
        IndexAgreement.Verify(final, scenario.Model, "rebuilt at the end");
    }
}
