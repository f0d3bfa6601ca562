namespace Sousei.Geo.Demo;

/// <summary>What a demo building is; <see cref="DemoBuilding.Use"/> maps it to the data model's <c>use</c>.</summary>
internal enum DemoBuildingKind
{
    Detached,
    LowRiseApartment,
    MidRiseApartment,
    Mixed,
    Commercial,
    Public,
    Industrial,
    VacantHouse,
}
