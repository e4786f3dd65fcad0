using FoodFast.Analytics.SampleData.Cli;

return await SampleDataCommand.Build().Parse(args).InvokeAsync();
