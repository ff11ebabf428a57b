// IndicatorValue.cs — the typed result of Database.Indicator (fz_value).
using System;
using System.Globalization;

namespace Fazhi
{
    /// <summary>Whether an indicator has a value (the <c>status</c> of fz_value).</summary>
    public enum IndicatorStatus
    {
        /// <summary>The value was computed.</summary>
        Ok = 0,
        /// <summary>Nothing to compute from (e.g. a ratio with a zero denominator); the value is NaN.</summary>
        NoData = 1,
    }

    /// <summary>One indicator value for a unit and a period.</summary>
    public struct IndicatorValue
    {
        /// <summary>The value; a percentage for ratios (98.5 means 98.5 %). NaN when <see cref="Status"/> is NoData.</summary>
        public double Value { get; private set; }

        /// <summary>The numerator (or the counted quantity for non-ratio measures).</summary>
        public double Numerator { get; private set; }

        /// <summary>The denominator; 0 for non-ratio measures.</summary>
        public double Denominator { get; private set; }

        /// <summary>Ok, or NoData when there is nothing to compute from.</summary>
        public IndicatorStatus Status { get; private set; }

        /// <summary>True when <see cref="Status"/> is Ok.</summary>
        public bool HasData
        {
            get { return Status == IndicatorStatus.Ok; }
        }

        /// <summary>Creates a value.</summary>
        public IndicatorValue(double value, double numerator, double denominator, IndicatorStatus status)
            : this()
        {
            Value = value;
            Numerator = numerator;
            Denominator = denominator;
            Status = status;
        }

        internal IndicatorValue(NativeValue v)
            : this(v.Value, v.Numerator, v.Denominator, (IndicatorStatus)v.Status)
        {
        }

        /// <summary>"98.5 (132/134)", "7", or "no_data".</summary>
        public override string ToString()
        {
            if (Status != IndicatorStatus.Ok) return "no_data";
            CultureInfo c = CultureInfo.InvariantCulture;
            if (Denominator != 0)
                return Value.ToString("0.###", c) + " (" + Numerator.ToString("0.###", c) + "/" +
                       Denominator.ToString("0.###", c) + ")";
            return Value.ToString("0.###", c);
        }
    }
}
