using System;

namespace CognitoPs
{
    /// <summary>A time window with either end open: -CreatedAfter / -CreatedBefore, -ModifiedAfter / -ModifiedBefore.</summary>
    internal sealed class DateWindow
    {
        public DateWindow(DateTime? after, DateTime? before)
        {
            After = after;
            Before = before;
        }

        public DateTime? After { get; }

        public DateTime? Before { get; }

        public bool Bounded => After != null || Before != null;

        /// <summary>True when <paramref name="time"/> lies inside; an unknown time lies inside only an unbounded window.</summary>
        public bool Contains(DateTime? time) =>
            time is DateTime known ? (After is null || known.ToUniversalTime() > After.Value.ToUniversalTime()) && (Before is null || known.ToUniversalTime() < Before.Value.ToUniversalTime()) : !Bounded;
    }
}
