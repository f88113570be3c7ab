using System.Collections.Generic;

namespace ClusterlessHpc.AutoScale.Language
{
    /// <summary>Turns offsets into 1-based line and column numbers; a line ends at \n, \r\n or \r.</summary>
    internal sealed class LineMap
    {
        private readonly int[] _lineStarts;

        public LineMap(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }
            _lineStarts = starts.ToArray();
        }

        /// <summary>The 1-based line and column of <paramref name="offset"/>.</summary>
        public (int Line, int Column) Position(int offset)
        {
            var low = 0;
            var high = _lineStarts.Length - 1;
            while (low < high)
            {
                var mid = (low + high + 1) / 2;
                if (_lineStarts[mid] <= offset) low = mid;
                else high = mid - 1;
            }
            return (low + 1, offset - _lineStarts[low] + 1);
        }
    }
}
