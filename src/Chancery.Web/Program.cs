using Chancery.Web;
using Chancery.Web.Data;
using Chancery.Web.Data.Operations;

// `audit verify`, `backup FOLDER`, `restore FOLDER` …: an operator's command, not the web server.
if (OperationCommands.IsCommand(args)) return await OperationCommands.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddChancery(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseChancery();
app.Run();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
