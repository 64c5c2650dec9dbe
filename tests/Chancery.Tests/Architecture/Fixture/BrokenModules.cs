// Types that break each module rule once, for ModuleBoundaryTests to prove its checks can fail.
// They live under their own root namespace and are never used.
namespace Chancery.Tests.Architecture.Fixture
{
    public static class BrokenModules
    {
        public const string Root = "Chancery.Tests.Architecture.Fixture";
    }
}

namespace Chancery.Tests.Architecture.Fixture.Common
{
    /// <summary>The kernel using a module.</summary>
    public static class Helper
    {
        public static string Name(Alpha.AlphaRecord record) => record.Name;
    }
}

namespace Chancery.Tests.Architecture.Fixture.Alpha
{
    public sealed record AlphaRecord(string Name);
}

namespace Chancery.Tests.Architecture.Fixture.Alpha.Pages
{
    /// <summary>A module reaching into another's internals (and so depending on it).</summary>
    public static class AlphaPage
    {
        public static int Count() => Beta.Internal.BetaSecret.Count;
    }
}

namespace Chancery.Tests.Architecture.Fixture.Beta
{
    /// <summary>The other way round, through the public surface: together with AlphaPage, a cycle.</summary>
    public static class BetaQueries
    {
        public static Alpha.AlphaRecord Make() => new("beta");
    }
}

namespace Chancery.Tests.Architecture.Fixture.Beta.Internal
{
    public static class BetaSecret
    {
        public static int Count => 1;
    }
}
