using System;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>
    /// The hard ceiling behind -MaxRequestsPerSecond. Each request books the next free send slot on a monotonic clock:
    /// slots are exactly 1/rate apart and never earlier than now, so requests leave evenly spaced (a run at a Cognito
    /// quota, e.g. 25/s, stays under it in every second, not only on average) and there is no burst after a pause. A
    /// booked slot does not move when a timer fires late, so the rate over a run holds at any rate and on any OS,
    /// whatever the timer's resolution. Each wait is computed, finite and cancellable.
    /// </summary>
    internal sealed class RequestPacing
    {
        private readonly double _interval;
        private readonly Func<double> _seconds;
        private readonly object _gate = new object();
        private double _nextSlot = double.NegativeInfinity;

        /// <param name="seconds">The clock, in seconds (<see cref="MonotonicClock.Seconds"/>; tests move their own by hand).</param>
        internal RequestPacing(double requestsPerSecond, Func<double> seconds)
        {
            if (!(requestsPerSecond > 0) || double.IsInfinity(requestsPerSecond))
            {
                throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The rate must be a positive number of requests per second.");
            }

            _interval = 1 / requestsPerSecond;
            _seconds = seconds;
        }

        public static RequestPacing PerSecond(double requestsPerSecond) => new RequestPacing(requestsPerSecond, MonotonicClock.Seconds);

        /// <summary>Waits for this request's send slot.</summary>
        public Task WaitTurnAsync(CancellationToken cancellationToken)
        {
            return MonotonicClock.UntilSlotAsync(Reserve(), cancellationToken);
        }

        /// <summary>Books the next free send slot and returns how long until it comes.</summary>
        internal TimeSpan Reserve()
        {
            lock (_gate)
            {
                var now = _seconds();
                var slot = Math.Max(now, _nextSlot);
                _nextSlot = slot + _interval;
                return TimeSpan.FromSeconds(slot - now);
            }
        }
    }
}
