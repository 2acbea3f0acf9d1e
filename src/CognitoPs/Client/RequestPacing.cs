using System;
using System.Threading.RateLimiting;

namespace CognitoPs.Client
{
    /// <summary>Builds the limiter behind -MaxRequestsPerSecond.</summary>
    internal static class RequestPacing
    {
        /// <summary>
        /// One token every 1/rate seconds, no burst: requests leave evenly spaced, so a run at a Cognito quota
        /// (e.g. 25/s for UserUpdate) stays under it in every second, not just on average. Waiters queue in order.
        /// </summary>
        public static RateLimiter PerSecond(double requestsPerSecond) => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / requestsPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
