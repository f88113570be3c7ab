namespace ClusterlessHpc.AutoScale.Language.Binding
{
    /// <summary>
    /// The value types of the language. doubleVecList is not a value: it is how aggregate functions take any mix
    /// of double and doubleVec arguments. <see cref="None"/> is the "value" of stop(); <see cref="Error"/> marks an
    /// expression already reported, so one mistake gives one diagnostic.
    /// </summary>
    internal enum FormulaType
    {
        Error,
        None,
        Double,
        DoubleVec,
        String,
        Timestamp,
        TimeInterval,
    }

    internal static class FormulaTypeNames
    {
        public static string Name(this FormulaType type)
        {
            switch (type)
            {
                case FormulaType.Double: return "double";
                case FormulaType.DoubleVec: return "doubleVec";
                case FormulaType.String: return "string";
                case FormulaType.Timestamp: return "timestamp";
                case FormulaType.TimeInterval: return "timeinterval";
                case FormulaType.None: return "no value";
                default: return "error";
            }
        }
    }
}
