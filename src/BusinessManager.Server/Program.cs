using BusinessManager.Server;
using BusinessManager.Server.Demo;
using BusinessManager.Server.Operator;

// `BusinessManager.Server support grant <email>` and the other operator commands act on the same database
// through the same operations, then exit; with no command the service runs. `--demo` loads the reference
// scenario (once per database) and prints how to sign in as each demo person.
if (OperatorCommands.Handles(args))
{
    return await OperatorCommands.RunAsync(args);
}

var app = await ServerApp.BuildAsync(args.Where(a => a != "--demo").ToArray());
await app.StartAsync();
if (args.Contains("--demo"))
{
    await DemoData.LoadAsync(app, Console.Out);
}

await app.WaitForShutdownAsync();
return 0;
