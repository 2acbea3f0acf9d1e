using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>The machine's monotonic high-resolution clock, which the pacing of requests books its send slots on.</summary>
    internal static class MonotonicClock
    {
        public static double Seconds() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

        /// <summary>
        /// Waits until a booked slot <paramref name="wait"/> from now. Rounded up to whole milliseconds, the timers'
        /// unit: a timer may fire late but never early, so no request leaves before its slot.
        /// </summary>
        public static Task UntilSlotAsync(TimeSpan wait, CancellationToken cancellationToken) =>
            wait > TimeSpan.Zero ? Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), cancellationToken) : Task.CompletedTask;
    }
}
