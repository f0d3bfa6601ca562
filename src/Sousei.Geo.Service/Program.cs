using Sousei.Geo.Core.Validation;

namespace Sousei.Geo.Service;

/// <summary>Entry point of the service host; also the type <c>WebApplicationFactory&lt;Program&gt;</c> starts in tests.</summary>
public partial class Program
{
    /// <summary>Runs the service; bad start-up settings or data end with a message and exit code 2, never a stack trace.</summary>
    public static int Main(string[] args)
    {
        try
        {
            ServiceApp.Create(args).Run();
            return 0;
        }
        catch (DataException e)
        {
            foreach (var line in e.ReportLines("sousei-service"))
            {
                Console.Error.WriteLine(line);
            }

            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException && Environment.GetEnvironmentVariable("SOUSEI_DEBUG") is null)
        {
            Console.Error.WriteLine($"sousei-service: {e.Message}");
            return 2;
        }
    }
}
