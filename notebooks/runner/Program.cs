using Sousei.Geo.Notebooks;

// sousei-notebooks [--out DIR] NOTEBOOK.ipynb...: runs every C# cell of each notebook in order, in process;
// exits 1 on the first failing cell (compile error or exception), 2 on bad arguments.
return await NotebookRun.MainAsync(args);
