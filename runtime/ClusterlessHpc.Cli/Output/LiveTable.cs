using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ClusterlessHpc.Provisioning;
using Spectre.Console;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>
    /// Shows pools while a command waits for them: on a terminal a Spectre.Console live table of node counts by state per
    /// pool, redrawn as reports arrive; otherwise one plain line per change, <c>[   1.2 s] redwood: message</c>; nothing with
    /// <c>--json</c>. Reports may come from several pools at once; every line and row is timed by the table's one clock,
    /// started with the command's work, so the times of different pools compare.
    /// </summary>
    internal sealed class LiveTable : IProgress<PoolProgress>
    {
        private static readonly string[] StateOrder = ["creating", "starting", "waitingforstarttask", "idle", "running", "starttaskfailed", "unusable"];
        private static readonly string[] FailedStates = ["starttaskfailed", "unusable"];

        /// <summary>Statuses after which a pool's row stops its time: how long that pool took.</summary>
        private static readonly string[] FinalStatuses = ["ready", "deleted", "failed", "drift", "timeout"];

        private readonly CliConsole _console;
        private readonly OutputMode _mode;
        private readonly object _gate = new();
        private readonly Dictionary<string, PoolProgress> _latest = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _order;
        private readonly Dictionary<string, TimeSpan> _finished = new(StringComparer.OrdinalIgnoreCase);
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        private LiveTable(CliConsole console, OutputMode mode, IEnumerable<string> poolIds)
        {
            _console = console;
            _mode = mode;
            _order = poolIds.ToList();
        }

        /// <summary>Runs <paramref name="work"/> while showing what it reports; a live table ends showing the last state.</summary>
        public static async Task<T> RunAsync<T>(CliConsole console, OutputMode mode, IEnumerable<string> poolIds, Func<IProgress<PoolProgress>, Task<T>> work)
        {
            var table = new LiveTable(console, mode, poolIds);
            if (mode != OutputMode.Rich) return await work(table).ConfigureAwait(false);

            return await RichConsole.Create(console).Live(table.Render()).AutoClear(false).StartAsync(async context =>
            {
                var running = work(table);
                while (!running.IsCompleted)
                {
                    context.UpdateTarget(table.Render());
                    await Task.WhenAny(running, Task.Delay(150)).ConfigureAwait(false);
                }
                context.UpdateTarget(table.Render());
                return await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        public void Report(PoolProgress value)
        {
            lock (_gate)
            {
                var changed = !_latest.TryGetValue(value.PoolId, out var previous) || previous.Message != value.Message;
                _latest[value.PoolId] = value;
                var now = _clock.Elapsed;
                if (FinalStatuses.Contains(value.Status)) _finished.TryAdd(value.PoolId, now);
                if (!_order.Contains(value.PoolId, StringComparer.OrdinalIgnoreCase)) _order.Add(value.PoolId);
                if (_mode == OutputMode.Plain && changed)
                {
                    _console.Output.WriteLine($"[{now.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),6} s] {value.PoolId}: {value.Message}");
                }
            }
        }

        private Table Render()
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Pool");
            table.AddColumn("Status");
            table.AddColumn("Nodes by state");
            table.AddColumn(new TableColumn("Target").RightAligned());
            table.AddColumn(new TableColumn("Time").RightAligned());
            lock (_gate)
            {
                foreach (var id in _order)
                {
                    if (!_latest.TryGetValue(id, out var pool))
                    {
                        table.AddRow(Markup.Escape(id), "[grey]waiting[/]", "", "", "");
                        continue;
                    }
                    table.AddRow(
                        Markup.Escape(pool.PoolId),
                        StatusMarkup(pool.Status),
                        NodesMarkup(pool.Nodes),
                        Markup.Escape(pool.Target),
                        DurationText.Format(_finished.TryGetValue(id, out var finished) ? finished : _clock.Elapsed));
                }
            }
            return table;
        }

        /// <summary>"2 idle  1 starting", in the order nodes go through the states, failures in red.</summary>
        private static string NodesMarkup(IReadOnlyDictionary<string, int> nodes)
        {
            if (nodes.Count == 0) return "[grey]none yet[/]";
            var ordered = nodes.OrderBy(n => Array.IndexOf(StateOrder, n.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(n => n.Key, StringComparer.Ordinal);
            return string.Join("  ", ordered.Select(n =>
            {
                var text = $"{n.Value.ToString(CultureInfo.InvariantCulture)} {Markup.Escape(n.Key)}";
                return FailedStates.Contains(n.Key) ? $"[red]{text}[/]" : n.Key == "idle" ? $"[green]{text}[/]" : text;
            }));
        }

        private static string StatusMarkup(string status) => status switch
        {
            "ready" or "deleted" => $"[green]{status}[/]",
            "failed" or "drift" or "timeout" => $"[red]{status}[/]",
            _ => $"[yellow]{Markup.Escape(status)}[/]",
        };
    }
}
