using System.Text;

namespace ProjectTracker.Web.Tests.Timesheet;

/// <summary>An RFC 4180 reader for the tests: quoted fields may hold commas, doubled quotes and line breaks.</summary>
public static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, $"a quote inside an unquoted field at {i}");
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"a bare CR at {i}: records end with CRLF");
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                Assert.True(c != '\n', $"a bare LF at {i}: records end with CRLF");
                field.Append(c);
            }
        }

        Assert.False(quoted, "the text ends inside a quoted field");
        Assert.True(field.Length == 0 && fields.Count == 0, "the last record must end with CRLF");
        return records;
    }
}
