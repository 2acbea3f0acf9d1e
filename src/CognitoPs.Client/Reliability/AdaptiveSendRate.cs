using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>
    /// One send rate for all of a command's requests, lowered when Cognito throttles and raised again as time passes,
    /// after the AWS SDKs' "adaptive" retry mode: unlimited until the first throttle; then 70 % of Cognito's quota as
    /// the last second showed it; then a cubic climb back to that rate and slowly beyond, until the next throttle.
    /// Cognito's quotas are per second, so the rate is cut at most once a second, and a throttle of a request sent
    /// before the last cut does not cut again.
    /// The quota is read off the requests sent in the second before the throttled one and not throttled themselves
    /// (answers still on their way count: a burst at the start is mostly in flight when the first throttle comes back),
    /// or the answers accepted in the last second, whichever is more. After a cut nothing is sent until that second's
    /// first request has aged out of Cognito's window: sooner would only be throttled too.
    /// </summary>
    internal sealed class AdaptiveSendRate
    {
        private const double Beta = 0.7;          // the share of the accepted rate kept after a throttle
        private const double Growth = 0.4;        // the cubic's scale (requests/s per s³)
        private const double MinimumRate = 0.5;   // requests/s: never slower than this
        private const double CutInterval = 1.0;   // s
        private const double History = 2.0;       // s of send times kept: the second before a throttled request, and its way back
        private readonly Func<double> _seconds;
        private readonly object _gate = new object();
        private readonly Queue<double> _accepted = new Queue<double>();
        private readonly Queue<double> _sent = new Queue<double>();
        private readonly Queue<double> _throttled = new Queue<double>(); // send times of requests answered with a throttle
        private bool _limited;
        private double _plateau;
        private double _timeToPlateau;
        private double _lastCut = double.NegativeInfinity;
        private double _nextSlot;

        /// <param name="seconds">The clock, in seconds (<see cref="MonotonicClock.Seconds"/>; tests move their own by hand).</param>
        internal AdaptiveSendRate(Func<double> seconds) => _seconds = seconds;

        /// <summary>Raised after a cut with the new rate and the accepted rate it came from.</summary>
        public event Action<double, double>? RateCut;

        /// <summary>Waits until this request may go: requests leave evenly spaced at the current rate.</summary>
        public Task WaitTurnAsync(CancellationToken cancellationToken)
        {
            return MonotonicClock.UntilSlotAsync(Reserve(), cancellationToken);
        }

        /// <summary>Records a request as sent; returns its send time, for <see cref="OnThrottled"/>.</summary>
        public double RecordSend()
        {
            lock (_gate)
            {
                var now = _seconds();
                _sent.Enqueue(now);
                Forget(_sent, now - History);
                return now;
            }
        }

        /// <summary>Any answer that was not a throttle counts towards the rate Cognito accepts.</summary>
        public void OnAccepted()
        {
            lock (_gate)
            {
                var now = _seconds();
                _accepted.Enqueue(now);
                Forget(_accepted, now - 1);
            }
        }

        public void OnThrottled(double sentAt)
        {
            double rate, accepted;
            lock (_gate)
            {
                var now = _seconds();
                _throttled.Enqueue(sentAt);
                Forget(_throttled, now - History);
                if (sentAt < _lastCut || now - _lastCut < CutInterval)
                {
                    return;
                }

                Forget(_accepted, now - 1);
                var window = _sent.Where(t => t > sentAt - 1 && t < sentAt).ToList();
                var passed = window.Count - _throttled.Count(t => t > sentAt - 1 && t < sentAt);
                accepted = Math.Max(_accepted.Count, passed);
                var current = _limited ? RateAt(now) : double.PositiveInfinity;
                _plateau = Math.Max(1, Math.Min(current, accepted));
                _timeToPlateau = Math.Pow(_plateau * (1 - Beta) / Growth, 1.0 / 3);
                _lastCut = now;
                _limited = true;
                var windowFrees = window.Count > 0 ? window.Min() + 1 : now;
                _nextSlot = Math.Max(_nextSlot, Math.Max(now, windowFrees));
                rate = RateAt(now);
            }

            RateCut?.Invoke(rate, accepted);
        }

        /// <summary>Books the next free send slot; returns how long to wait for it.</summary>
        internal TimeSpan Reserve()
        {
            lock (_gate)
            {
                if (!_limited)
                {
                    return TimeSpan.Zero;
                }

                var now = _seconds();
                var slot = Math.Max(now, _nextSlot);
                _nextSlot = slot + 1 / RateAt(slot);
                return TimeSpan.FromSeconds(slot - now);
            }
        }

        /// <summary>W + C·(t − K)³: back at the plateau K seconds after the cut, flat around it, then climbing.</summary>
        private double RateAt(double time)
        {
            var offset = time - _lastCut - _timeToPlateau;
            return Math.Max(MinimumRate, _plateau + Growth * offset * offset * offset);
        }

        private static void Forget(Queue<double> times, double before)
        {
            while (times.Count > 0 && times.Peek() <= before)
            {
                times.Dequeue();
            }
        }
    }
}
