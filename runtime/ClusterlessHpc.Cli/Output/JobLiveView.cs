using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ClusterlessHpc.Provisioning;
using Spectre.Console;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>
    /// Shows a job while chpc waits for it, as <see cref="LiveTable"/> shows pools: on a terminal a Spectre.Console live
    /// table of its tasks by state and its pool's nodes by state; otherwise one plain line per change
    /// (<c>[   1.2 s] job: 3 active, ...</c>); nothing with <c>--json</c>.
    /// </summary>
    internal sealed class JobLiveView : IProgress<JobProgress>
    {
        private readonly CliConsole _console;
        private readonly OutputMode _mode;
        private readonly object _gate = new();
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private JobProgress? _latest;

        private JobLiveView(CliConsole console, OutputMode mode)
        {
            _console = console;
            _mode = mode;
        }

        /// <summary>The last report, for the command's summary.</summary>
        public JobProgress? Latest
        {
            get { lock (_gate) return _latest; }
        }

        public static async Task<T> RunAsync<T>(CliConsole console, OutputMode mode, string jobId, Func<JobLiveView, Task<T>> work)
        {
            var view = new JobLiveView(console, mode);
            if (mode != OutputMode.Rich) return await work(view).ConfigureAwait(false);

            return await RichConsole.Create(console).Live(view.Render(jobId)).AutoClear(false).StartAsync(async context =>
            {
                var running = work(view);
                while (!running.IsCompleted)
                {
                    context.UpdateTarget(view.Render(jobId));
                    await Task.WhenAny(running, Task.Delay(150)).ConfigureAwait(false);
                }
                context.UpdateTarget(view.Render(jobId));
                return await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
        }

        public void Report(JobProgress value)
        {
            lock (_gate)
            {
                _latest = value;
                if (_mode == OutputMode.Plain)
                {
                    _console.Output.WriteLine($"[{_clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),6} s] {value}");
                }
            }
        }

        private Table Render(string jobId)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Job");
            table.AddColumn(new TableColumn("Active").RightAligned());
            table.AddColumn(new TableColumn("Running").RightAligned());
            table.AddColumn(new TableColumn("Succeeded").RightAligned());
            table.AddColumn(new TableColumn("Failed").RightAligned());
            table.AddColumn("Nodes by state");
            table.AddColumn(new TableColumn("Time").RightAligned());
            lock (_gate)
            {
                var tasks = _latest?.Tasks;
                table.AddRow(
                    Markup.Escape(jobId),
                    Count(tasks?.Active),
                    Count(tasks?.Running),
                    tasks is null ? "" : $"[green]{tasks.Succeeded}[/]",
                    tasks is null ? "" : tasks.Failed > 0 ? $"[red]{tasks.Failed}[/]" : "0",
                    _latest is null || _latest.NodesByState.Count == 0
                        ? "[grey]none yet[/]"
                        : Markup.Escape(string.Join("  ", _latest.NodesByState.OrderBy(n => n.Key.ToString(), StringComparer.Ordinal).Select(n => $"{n.Value} {n.Key}"))),
                    DurationText.Format(_clock.Elapsed));
            }
            return table;
        }

        private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    }
}
