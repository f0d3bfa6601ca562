namespace Sousei.Geo.PostGis.Tests;

/// <summary>
/// A test against a real PostGIS (connection string in SOUSEI_TEST_DB). On a developer machine
/// without it the test is skipped with the reason; in CI (CI=true) it runs and fails, never skips.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostGisFactAttribute : FactAttribute
{
    public PostGisFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SOUSEI_TEST_DB")) && !TestDatabase.InCi)
        {
            Skip = "SOUSEI_TEST_DB is not set: start a throwaway PostGIS with `source scripts/test-services.sh start` (CI fails instead of skipping)";
        }
    }
}
