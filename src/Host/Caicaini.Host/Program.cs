using Caicaini.Billing;
using Caicaini.Conversations;
using Caicaini.Help;
using Caicaini.Host.Infrastructure;
using Caicaini.Identity;
using Caicaini.Models;
using Caicaini.Payments;
using Caicaini.Shared.Behaviors;
using Caicaini.Shared.Persistence;
using Carter;

var builder = WebApplication.CreateBuilder(args);

// The modules: each brings its DbContext (own schema), outbox dispatcher, validators and handlers.
builder.Services
    .AddIdentity(builder.Configuration)
    .AddBilling(builder.Configuration)
    .AddModels(builder.Configuration)
    .AddPayments(builder.Configuration)
    .AddConversations(builder.Configuration)
    .AddHelp(builder.Configuration);

builder.Services.AddMediator(options =>
{
    // Handlers take a scoped DbContext, so the mediator is scoped too.
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
});

builder.Services.AddSingleton<DatabaseMigrator>();
builder.Services.AddCaicainiWeb(builder.Configuration);

var app = builder.Build();

if (args.FirstOrDefault() == "migrate")
{
    // `dotnet Caicaini.Host.dll migrate`: apply every module's migrations, then exit.
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Configuration.GetConnectionString("Caicaini")!);
    return;
}

if (!StartupGuard.IsDesignTimeTool && app.Configuration.GetValue("Database:MigrateOnStartup", app.Environment.IsDevelopment()))
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Configuration.GetConnectionString("Caicaini")!);

app.UseCaicainiWeb();
app.MapCarter();
app.MapRazorPages();

app.Run();
