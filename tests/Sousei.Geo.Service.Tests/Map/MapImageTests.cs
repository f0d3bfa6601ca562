using Sousei.Geo.Cli;
using Sousei.Geo.Service.Tests.Fixtures;

namespace Sousei.Geo.Service.Tests.Map;

public sealed class MapImageTests(ServiceFactory factory) : IClassFixture<ServiceFactory>
{
    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', "not a PNG");
        static int BigEndian(byte[] b, int i) => (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3];
        return (BigEndian(png, 16), BigEndian(png, 20));
    }

    [Fact]
    public async Task Map_png_has_the_requested_size()
    {
        var response = await factory.CreateClient().GetAsync("/api/map.png?layers=town_blocks,inducement_area,zones,buildings,hubs,vacant_houses&width=640&height=480&lang=en");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((640, 480), PngSize(png));
        File.WriteAllBytes(Path.Combine(RepoPaths.Artifacts, "map.png"), png);
    }

    [Theory]
    [InlineData("?layers=households", "layers")]
    [InlineData("?width=100000", "width")]
    [InlineData("?height=0", "height")]
    [InlineData("?bbox=1,1", "bbox")]
    [InlineData("?lang=fr", "lang")]
    public async Task Bad_map_parameters_are_400(string query, string parameter)
    {
        await Problems.AssertBadParameter(await factory.CreateClient().GetAsync("/api/map.png" + query), parameter);
    }

    [Fact]
    public void Cli_map_writes_a_png()
    {
        var file = Path.Combine(RepoPaths.Artifacts, "map-cli.png");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandRunner.Run(["map", "--data", factory.DataPath, "--out", file, "--width", "800", "--height", "600"], new CliConsole(stdout, stderr, false));
        Assert.True(code == 0, stderr.ToString());
        Assert.Equal((800, 600), PngSize(File.ReadAllBytes(file)));
    }
}
