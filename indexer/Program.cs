using SocialeKaart.Indexer;

return await Commands.Root().Parse(args).InvokeAsync();
