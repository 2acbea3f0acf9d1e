namespace CognitoPs
{
    /// <summary>Why a line of an import file would fail: its line number, an ErrorId, and what to fix.</summary>
    internal sealed class ImportProblem
    {
        public ImportProblem(int line, string errorId, string message)
        {
            Line = line;
            ErrorId = errorId;
            Message = message;
        }

        public int Line { get; }

        public string ErrorId { get; }

        public string Message { get; }
    }
}
