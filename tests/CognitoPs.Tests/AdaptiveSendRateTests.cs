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

            Assert.Null(rate.CurrentRate);
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

            Assert.Equal(17.5, rate.CurrentRate!.Value, 3);
            Assert.Equal(TimeSpan.Zero, rate.Reserve());                                   // the next request goes now,
            Assert.Equal(1 / 17.5, rate.Reserve().TotalSeconds, 3);                       // the one after it 1/17.5 s later
            Assert.InRange(rate.Reserve().TotalSeconds, 1.9 / 17.5, 2 / 17.5);             // (the rate climbs a little meanwhile)
        }

        [Fact]
        public void OnlyOneCutASecondAndNotForRequestsSentBeforeTheLastCut()
        {
            var rate = Rate();
            Accept(rate, 25);
            rate.OnThrottled(_now);
            var afterFirstCut = rate.CurrentRate!.Value;

            _now += 0.2;
            rate.OnThrottled(_now - 0.01);   // within the second: ignored
            _now += 1.0;
            rate.OnThrottled(_now - 1.3);    // sent before the first cut: ignored

            Assert.True(rate.CurrentRate!.Value >= afterFirstCut, $"{rate.CurrentRate} fell below {afterFirstCut}");
        }

        [Fact]
        public void TheRateClimbsBackToWhereItWasCutAndThenBeyond()
        {
            var rate = Rate();
            Accept(rate, 40);
            rate.OnThrottled(_now);
            var plateauReachedAfter = Math.Pow(40 * 0.3 / 0.4, 1.0 / 3); // K = cbrt(W (1 - beta) / C), about 2.3 s

            _now += plateauReachedAfter / 2;
            var halfway = rate.CurrentRate!.Value;
            _now += plateauReachedAfter / 2;
            var atPlateau = rate.CurrentRate!.Value;
            _now += 3;
            var beyond = rate.CurrentRate!.Value;

            Assert.InRange(halfway, 28.1, 39.9);
            Assert.Equal(40, atPlateau, 3);
            Assert.True(beyond > 45, $"3 s past the plateau the rate is only {beyond}");
        }

        [Fact]
        public void AThrottleWithNothingAcceptedStillLeavesAPositiveRate()
        {
            var rate = Rate();

            rate.OnThrottled(_now);

            Assert.InRange(rate.CurrentRate!.Value, 0.5, 1.0);
        }
    }
}
