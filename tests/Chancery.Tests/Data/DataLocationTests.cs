using Chancery.Web.Data;

namespace Chancery.Tests.Data;

/// <summary>The README's demo recipe runs the generator and the app with "Data Source=data/demo.db",
/// each started by <c>dotnet run --project</c> in its own project folder: both must find one file,
/// in the clone's data/ folder.</summary>
public sealed class DataLocationTests
{
    private static readonly string Clone = DataLocation.Root(AppContext.BaseDirectory);

    [Fact]
    public void The_app_and_the_generator_resolve_a_relative_file_to_the_same_place_in_the_clone()
    {
        File.Exists(Path.Combine(Clone, "Chancery.slnx")).ShouldBeTrue();
        var fromApp = DataLocation.Resolve("data/demo.db", Path.Combine(Clone, "src", "Chancery.Web"));
        var fromGenerator = DataLocation.Resolve("data/demo.db", Path.Combine(Clone, "bench", "Chancery.DataGen"));

        fromApp.ShouldBe(Path.Combine(Clone, "data", "demo.db"));
        fromGenerator.ShouldBe(fromApp);
    }

    [Fact]
    public void An_absolute_path_is_left_as_it_is() =>
        DataLocation.Resolve("/var/lib/chancery/chancery.db", Path.Combine(Clone, "src")).ShouldBe("/var/lib/chancery/chancery.db");

    [Fact]
    public void Outside_a_clone_a_relative_file_is_taken_from_the_working_folder()
    {
        var outside = Directory.CreateTempSubdirectory("chancery-published-").FullName;
        DataLocation.Resolve("data/chancery.db", outside).ShouldBe(Path.Combine(outside, "data", "chancery.db"));
    }
}
