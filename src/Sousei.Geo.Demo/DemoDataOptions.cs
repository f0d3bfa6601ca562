namespace Sousei.Geo.Demo;

/// <summary>
/// Options of <see cref="DemoDataGenerator"/>. <see cref="ScaleFactor"/> multiplies every count of
/// people and buildings (1 = the full city of about 740,000 residents; 0.01 gives a quick test set);
/// the geography (hubs, wards, blocks, inducement area, transit) does not change with it.
/// </summary>
public sealed record DemoDataOptions(string OutputDirectory, int Seed = 1, double ScaleFactor = 1.0);
