using Caicaini.Bench;

// Usage: dotnet run -c Release --project bench/Caicaini.Bench -- [outbox|billing|all] [admin connection string]
var which = args.ElementAtOrDefault(0) ?? "all";
var connectionString = args.ElementAtOrDefault(1) ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
if (which is "outbox" or "all") await OutboxThroughput.RunAsync(connectionString, 5_000);
if (which is "billing" or "all") await BillingThroughput.RunAsync(connectionString);
