using System;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>The command-wide send rate, on a clock the test moves by hand.</summary>
    public class AdaptiveSendRateTests
    {
        private double _now = 100;

        private AdaptiveSendRate Rate() => new AdaptiveSendRate(() => _now);

        /// <summary>The rate now, read off the spacing of two send slots booked back to back (books them, so call it when nothing else waits).</summary>
        private static double RateOf(AdaptiveSendRate rate)
        {
            var first = rate.Reserve();
            var second = rate.Reserve();
            return 1 / (second - first).TotalSeconds;
        }

        private static void Accept(AdaptiveSendRate rate, int count)
        {
            for (var i = 0; i < count; i++)
            {
                rate.OnAccepted();
            }
        }

        [Fact]
        public void NothingWaitsUntilCognitoThrottles()
        {
            var rate = Rate();
            Accept(rate, 500);

            Assert.Equal(TimeSpan.Zero, rate.Reserve());
            Assert.Equal(TimeSpan.Zero, rate.Reserve());
        }

        [Fact]
        public void AThrottleCutsTheRateToSeventyPercentOfWhatWasAcceptedInTheLastSecond()
        {
            var rate = Rate();
            Accept(rate, 25);
            _now += 0.5;

            rate.OnThrottled(_now - 0.05);

            Assert.Equal(TimeSpan.Zero, rate.Reserve());                                   // the next request goes now,
            Assert.Equal(1 / 17.5, rate.Reserve().TotalSeconds, 3);                       // the one after it 1/17.5 s later
            Assert.InRange(rate.Reserve().TotalSeconds, 1.9 / 17.5, 2 / 17.5);             // (the rate climbs a little meanwhile)
        }

        [Fact]
        public void ABurstStillInFlightCountsTowardsTheQuotaAndSendingWaitsForCognitosWindowToFree()
        {
            var rate = Rate();
            for (var i = 0; i < 30; i++)
            {
                rate.RecordSend();           // a burst of 30 at the start, at t = 100
            }

            _now += 0.1;
            Accept(rate, 16);                // 16 answers are back, 14 still on their way
            var throttledAt = rate.RecordSend();
            rate.OnThrottled(throttledAt);

            var first = rate.Reserve().TotalSeconds;
            var spacing = rate.Reserve().TotalSeconds - first;
            Assert.Equal(0.9, first, 3);                        // nothing until the burst leaves the window at t = 101,
            Assert.InRange(1 / spacing, 21, 30);                // then from 70 % of the 30 the window held, climbing back
                                                                // (from the 16 answers alone it would be under 16)
        }

        [Fact]
        public void OnlyOneCutASecondAndNotForRequestsSentBeforeTheLastCut()
        {
            var rate = Rate();
            Accept(rate, 25);
            rate.OnThrottled(_now);
            var cuts = 0;
            rate.RateCut += (_, _) => cuts++;

            _now += 0.2;
            rate.OnThrottled(_now - 0.01);   // within the second: ignored
            _now += 1.0;
            rate.OnThrottled(_now - 1.3);    // sent before the first cut: ignored

            Assert.Equal(0, cuts);
        }

        [Fact]
        public void TheRateClimbsBackToWhereItWasCutAndThenBeyond()
        {
            var rate = Rate();
            Accept(rate, 40);
            rate.OnThrottled(_now);
            var plateauReachedAfter = Math.Pow(40 * 0.3 / 0.4, 1.0 / 3); // K = cbrt(W (1 - beta) / C), about 2.3 s

            _now += plateauReachedAfter / 2;
            var halfway = RateOf(rate);
            _now += plateauReachedAfter / 2;
            var atPlateau = RateOf(rate);
            _now += 3;
            var beyond = RateOf(rate);

            Assert.InRange(halfway, 28.1, 39.9);
            Assert.Equal(40, atPlateau, 2);
            Assert.True(beyond > 45, $"3 s past the plateau the rate is only {beyond}");
        }

        [Fact]
        public void AThrottleWithNothingAcceptedStillLeavesAPositiveRate()
        {
            var rate = Rate();

            rate.OnThrottled(_now);

            Assert.InRange(RateOf(rate), 0.5, 1.0);
        }
    }
}
