namespace Sousei.Geo.Cli.Tests.Database;

/// <summary>
/// A test that needs PostGIS (SOUSEI_TEST_DB). Skipped with the reason on a developer machine without it;
/// in CI (CI=true) it runs and fails, never skips.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute
{
    public DatabaseFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SOUSEI_TEST_DB")) && !inCi)
        {
            Skip = "SOUSEI_TEST_DB is not set: start a throwaway PostGIS with `source scripts/test-services.sh start` (CI fails instead of skipping)";
        }
    }
}
