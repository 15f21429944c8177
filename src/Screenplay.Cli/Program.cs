return Screenplay.Cli.CliApp.Run(args, Console.Out, Console.Error);
