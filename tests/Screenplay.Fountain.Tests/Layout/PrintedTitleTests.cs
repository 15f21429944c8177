using Screenplay.Fountain.Layout;
using Screenplay.Fountain.Tests.Writing;

namespace Screenplay.Fountain.Tests.Layout;

public sealed class PrintedTitleTests
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var name in ScriptCorpus.Names())
        {
            var text = ScriptCorpus.Text(name);
            if (!Fountain.Parse(text).TitlePage.IsEmpty)
            {
                data.Add(text);
            }
        }

        data.Add("Title: _**BRICK & STEEL**_\nAuthor: Stu\n\nINT. HOUSE - DAY\n");
        data.Add("Title:\n    THE \\*REAL\\* ONE\n    *part two*\nCredit: by\n\nFADE IN:\n");
        data.Add("Credit: Written by\nAuthor: Nobody\n\nINT. HOUSE - DAY\n");
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void The_title_read_from_the_title_page_entry_is_the_one_the_paginated_script_prints(string text)
    {
        var document = Fountain.Parse(text);

        Assert.Equal(Paginator.Paginate(document, PageLayout.Default).Title, Fountain.PrintedTitlePageValue(document, "Title"));
    }
}
