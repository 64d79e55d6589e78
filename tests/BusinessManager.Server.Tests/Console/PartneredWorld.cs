using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Console;

/// <summary>
/// FixDex and Flexis Media already partnered, arranged through the API on a test server: FixDex (Ava Admin, Finn Viewer)
/// and Flexis Media (Mia Admin, Leo Poster) are partners; Flexis owns the ad account "FixDex Brand Ads", shares it
/// with FixDex at VIEWER, and gives Leo CAMPAIGN_MANAGER on it; FixDex gives Finn VIEWER through the share; FixDex
/// owns the page "FixDex Careers" and gives Finn ANALYST on it. Everyone's password is ConsoleUser.Password.
/// </summary>
public sealed class PartneredWorld : IDisposable
{
    private PartneredWorld(BmServer server)
    {
        Server = server;
        Http = server.NewClient();
    }

    public BmServer Server { get; }

    public HttpClient Http { get; }

    public Actor Ava { get; private set; } = null!;

    public Actor Finn { get; private set; } = null!;

    public Actor Mia { get; private set; } = null!;

    public Actor Leo { get; private set; } = null!;

    public long FixDex { get; private set; }

    public long Flexis { get; private set; }

    public long BrandAds { get; private set; }

    public long CareersPage { get; private set; }

    public static async Task<PartneredWorld> ArrangeAsync(BmServer server)
    {
        var s = new PartneredWorld(server);
        s.Ava = await Api.SignUpAsync(s.Http, "ava@fixdex.example", "Ava Admin");
        s.Finn = await Api.SignUpAsync(s.Http, "finn@fixdex.example", "Finn Viewer");
        s.Mia = await Api.SignUpAsync(s.Http, "mia@flexis.example", "Mia Admin");
        s.Leo = await Api.SignUpAsync(s.Http, "leo@flexis.example", "Leo Poster");
        s.FixDex = await s.Ava.CreateBusiness("FixDex");
        s.Flexis = await s.Mia.CreateBusiness("Flexis Media");
        await s.Ava.AddMember(s.FixDex, s.Finn);
        await s.Mia.AddMember(s.Flexis, s.Leo);
        await s.Ava.Partner(s.FixDex, s.Mia, s.Flexis);

        s.BrandAds = await s.Mia.CreateAsset(s.Flexis, "AD_ACCOUNT", "FixDex Brand Ads");
        (await s.Mia.Share(s.Flexis, s.BrandAds, s.FixDex, "VIEWER")).Ok();
        (await s.Mia.Assign(s.Flexis, s.BrandAds, s.Leo, "CAMPAIGN_MANAGER")).Ok();
        (await s.Ava.Assign(s.FixDex, s.BrandAds, s.Finn, "VIEWER")).Ok();
        s.CareersPage = await s.Ava.CreateAsset(s.FixDex, "PAGE", "FixDex Careers");
        (await s.Ava.Assign(s.FixDex, s.CareersPage, s.Finn, "ANALYST")).Ok();

        return s;
    }

    /// <summary>Sam, a support agent made by the operator command, as an operator would.</summary>
    public async Task<Actor> SupportAgentAsync()
    {
        await Api.SignUpAsync(Http, "sam@support.example", "Sam Support");
        await OperatorProcess.RunAsync(Server, "support", "grant", "sam@support.example");
        return await Api.SignInAsync(Http, "sam@support.example");
    }

    /// <summary>Mia opens a transfer of Brand Ads to FixDex through the API; returns its id.</summary>
    public async Task<long> OpenBrandAdsTransferAsync() =>
        (await Mia.Post($"/api/v1/businesses/{Flexis}/transfers", new { assetId = BrandAds, toBusinessId = FixDex }))
            .Ok().Id;

    public void Dispose() => Http.Dispose();
}
