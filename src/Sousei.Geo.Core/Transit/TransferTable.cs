namespace Sousei.Geo.Core.Transit;

/// <summary>Walks between distinct stops within the transfer radius, as CSR arrays; immutable.</summary>
internal sealed class TransferTable
{
    public TransferTable(TransitNetwork network, TransitOptions options)
    {
        var offsets = new int[network.Stops.Count + 1];
        var to = new List<int>();
        var seconds = new List<int>();
        var near = new List<(int Stop, double DistanceMeters)>();
        for (var s = 0; s < network.Stops.Count; s++)
        {
            near.Clear();
            network.Grid.Near(network.StopX[s], network.StopY[s], options.TransferRadiusMeters, near);
            near.Sort((a, b) => a.Stop.CompareTo(b.Stop));
            foreach (var (n, d) in near)
            {
                if (n != s)
                {
                    to.Add(n);
                    seconds.Add(options.WalkSeconds(d));
                }
            }

            offsets[s + 1] = to.Count;
        }

        Offsets = offsets;
        To = [.. to];
        Seconds = [.. seconds];
    }

    public int[] Offsets { get; }

    public int[] To { get; }

    public int[] Seconds { get; }
}
