using Caicaini.Cli;

return await CaicainiCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
