using System;
using System.Collections.Generic;
using System.Linq;
using Spectre.Console;

namespace ClusterlessHpc.Cli.Output
{
    /// <summary>
    /// A table of rows: a Spectre.Console table on a terminal, aligned columns (two spaces apart, headers in capitals)
    /// otherwise, so scripts that do not use <c>--json</c> can still cut columns.
    /// </summary>
    internal static class TableWriter
    {
        public static void Write(CliConsole console, OutputMode mode, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            if (mode == OutputMode.Rich)
            {
                var table = new Table().Border(TableBorder.Rounded);
                foreach (var header in headers) table.AddColumn(new TableColumn(Markup.Escape(header)));
                foreach (var row in rows) table.AddRow(row.Select(cell => Markup.Escape(cell)).ToArray());
                RichConsole.Create(console).Write(table);
                return;
            }

            var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
            console.Output.WriteLine(Line(headers.Select(h => h.ToUpperInvariant()).ToList(), widths));
            foreach (var row in rows) console.Output.WriteLine(Line(row, widths));
        }

        private static string Line(IReadOnlyList<string> cells, int[] widths) =>
            string.Join("  ", cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();
    }
}
