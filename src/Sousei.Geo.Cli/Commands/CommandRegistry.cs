using Sousei.Geo.Analysis.Density;
using Sousei.Geo.Analysis.Report;
using Sousei.Geo.Analysis.Transit;
using Sousei.Geo.Analysis.Vacant;
using Sousei.Geo.Cli.Text;

namespace Sousei.Geo.Cli.Commands;

/// <summary>
/// Every command of <c>sousei</c>. An analysis is added once, in the application layer (src/Sousei.Geo.Analysis),
/// and appears here as one line: its use case and its text renderer.
/// </summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<ICommand> All { get; } =
    [
        new AnalysisCommand<ReportRequest, ReportResult>(ReportUseCase.Instance, ReportText.Render),
        new AnalysisCommand<DensityRequest, DensityReport>(DensityUseCase.Instance, DensityText.Render),
        new AnalysisCommand<TrendRequest, TrendReport>(TrendUseCase.Instance, TrendText.Render),
        new AnalysisCommand<HubMatrixRequest, Core.Transit.HubConnectivityResult>(HubMatrixUseCase.Instance, TransitText.Hubs),
        new AnalysisCommand<FrequencyRequest, FrequencyResult>(FrequencyUseCase.Instance, TransitText.Frequency),
        new AnalysisCommand<CoverageRequest, CoverageReport>(CoverageUseCase.Instance, TransitText.Coverage),
        new AnalysisCommand<AccessibilityRequest, AccessibilityReport>(AccessibilityUseCase.Instance, TransitText.Accessibility),
        new AnalysisCommand<CompareRequest, CompareReport>(CompareUseCase.Instance, CompareText.Render),
        new AnalysisCommand<IsochroneRequest, IsochroneReport>(IsochroneUseCase.Instance, TransitText.Isochrone, defaultFormat: "json"),
        new AnalysisCommand<VacantRankingRequest, VacantRankingReport>(VacantRankingUseCase.Instance, VacantText.Ranking),
        new AnalysisCommand<WhatIfRequest, WhatIfReport>(WhatIfUseCase.Instance, VacantText.WhatIf,
            values: new Dictionary<string, Func<string, string>> { ["occupy_ids"] = IdsFile.Read }),
        new ExportVacant(),
        new ExportLayers(),
        new MapCommand(),
        new TilesCommand(),
        new ServeCommand(),
        new DemoDataCommand(),
        new DbCommand(),
        new ImportCommand(),
        new ExportCommand(),
        new ConvertCommand(),
    ];
}
