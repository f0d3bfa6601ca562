namespace Sousei.Geo.Service;

/// <summary>Entry point of the service host; also the type <c>WebApplicationFactory&lt;Program&gt;</c> starts in tests.</summary>
public partial class Program
{
    public static void Main(string[] args) => ServiceApp.Create(args).Run();
}
