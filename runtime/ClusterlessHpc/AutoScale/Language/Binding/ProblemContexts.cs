namespace ClusterlessHpc.AutoScale.Language.Binding
{
    // What the binder found, for the diagnostic bag to word: the binder decides, the bag says it.

    /// <summary>Why a name cannot be assigned although it is not a system variable.</summary>
    internal enum ReservedName
    {
        None,
        TimeInterval,
        DeallocationKeyword,
        Function,
    }

    /// <summary>Why the receiver of a sample method has no samples.</summary>
    internal enum NoSamplesReason
    {
        PoolSetting,
        WrittenByFormula,
        Constant,
        UserVariable,
    }

    /// <summary>What an argument must be, when it is not.</summary>
    internal enum ExpectedArgument
    {
        Double,
        DoubleVec,
        String,
        DoubleOrDoubleVec,
        SampleCountOrStartTime,
        EndTimeOrSamplePercent,
        StartTime,
        EndTime,
        SamplePercent,
    }

    /// <summary>Where the no-value of stop() was used as a value.</summary>
    internal enum NoValueUse
    {
        Assigned,
        Argument,
        Operand,
        Condition,
        Branch,
        Receiver,
    }
}
