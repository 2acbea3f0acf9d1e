using System.IO;
using Xunit;

namespace CognitoPs.Tests
{
    public class CsvRecordReaderTests
    {
        [Fact]
        public void QuotedFieldsKeepCommasQuotesAndLineBreaksAndRecordsKnowTheirLine()
        {
            var reader = new CsvRecordReader(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n"));

            var header = reader.Next()!;
            var first = reader.Next()!;
            var second = reader.Next()!;

            Assert.Equal(new[] { "a", "b" }, header.Fields);
            Assert.Equal(new[] { "x, y", "say \"hi\"" }, first.Fields);
            Assert.Equal((2, false), (first.Line, first.UnterminatedQuote));
            Assert.Equal(new[] { "two\nlines", "z" }, second.Fields);
            Assert.Equal(3, second.Line);
            Assert.Null(reader.Next());
        }

        [Fact]
        public void AQuoteLeftOpenIsReportedAndALastLineWithoutNewlineIsRead()
        {
            var reader = new CsvRecordReader(new StringReader("a,b\n1,2\n\"open,3"));

            reader.Next();
            Assert.Equal(new[] { "1", "2" }, reader.Next()!.Fields);
            Assert.True(reader.Next()!.UnterminatedQuote);
        }
    }
}
