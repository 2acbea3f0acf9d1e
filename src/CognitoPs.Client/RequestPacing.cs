using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace CognitoPs.Client
{
    /// <summary>
    /// The limiter behind -MaxRequestsPerSecond. A class of our own, so that CognitoPs.dll (in PowerShell's context)
    /// holds one without naming System.Threading.RateLimiting, which loads into the module's context.
    /// </summary>
    internal sealed class RequestPacing : IDisposable
    {
        private readonly RateLimiter _limiter;

        internal RequestPacing(RateLimiter limiter) => _limiter = limiter;

        /// <summary>
        /// One token every 1/rate seconds, no burst: requests leave evenly spaced, so a run at a Cognito quota
        /// (e.g. 25/s for UserUpdate) stays under it in every second, not just on average. Waiters queue in order.
        /// </summary>
        public static RequestPacing PerSecond(double requestsPerSecond) => new RequestPacing(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / requestsPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

        /// <summary>Waits for this request's turn; false when the limiter refuses it (the request must not be sent).</summary>
        public async ValueTask<bool> WaitTurnAsync(CancellationToken cancellationToken)
        {
            using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            return lease.IsAcquired;
        }

        public void Dispose() => _limiter.Dispose();
    }
}
