using System;
using System.Linq;
using CognitoPs.Client;
using Xunit;

namespace CognitoPs.Tests
{
    /// <summary>-MaxRequestsPerSecond's send slots, on a clock the test moves by hand: exact, whatever the machine's timers do.</summary>
    public class RequestPacingTests
    {
        private double _now = 1000;

        private RequestPacing Pacing(double perSecond) => new RequestPacing(perSecond, () => _now);

        [Theory]
        [InlineData(0.01)]
        [InlineData(1)]
        [InlineData(25)]
        [InlineData(64)]
        [InlineData(400)]
        [InlineData(999.9)]
        [InlineData(1000)]
        [InlineData(2000)]
        [InlineData(10000)]
        public void SlotsAreExactlyOneOverTheRateApartAtEveryRateOfTheParameter(double perSecond)
        {
            var pacing = Pacing(perSecond);

            var waits = Enumerable.Range(0, 1000).Select(_ => pacing.Reserve().TotalSeconds).ToArray();

            Assert.Equal(0, waits[0]);
            for (var k = 1; k < waits.Length; k++)
            {
                // TimeSpan counts 100 ns ticks; within that, the k-th request waits k / rate.
                Assert.Equal(k / perSecond, waits[k], 2e-7); // TimeSpan counts whole 100 ns ticks
            }
        }

        [Fact]
        public void ARequestBooksTheSlotAfterTheLastBookedOneEvenWhenItComesLate()
        {
            var pacing = Pacing(10);
            pacing.Reserve();
            pacing.Reserve();
            pacing.Reserve();        // slots at 0, 0.1 and 0.2 s

            _now += 0.15;            // a timer that fired late does not move the slots booked after it

            Assert.Equal(0.15, pacing.Reserve().TotalSeconds, 6);   // the slot at 0.3 s
        }

        [Fact]
        public void APauseEarnsNoBurst()
        {
            var pacing = Pacing(25);
            pacing.Reserve();

            _now += 10;

            Assert.Equal(TimeSpan.Zero, pacing.Reserve());
            Assert.Equal(0.04, pacing.Reserve().TotalSeconds, 6);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void ARateThatIsNotAPositiveNumberIsRefused(double perSecond) =>
            Assert.Throws<ArgumentOutOfRangeException>(() => Pacing(perSecond));
    }
}
