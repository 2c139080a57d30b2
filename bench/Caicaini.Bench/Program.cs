using Caicaini.Bench;

// Usage: dotnet run -c Release --project bench/Caicaini.Bench -- <admin connection string> [events]
var connectionString = args.ElementAtOrDefault(0) ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
var events = int.TryParse(args.ElementAtOrDefault(1), out var n) ? n : 5_000;
await OutboxThroughput.RunAsync(connectionString, events);
