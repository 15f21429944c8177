using Bunit;
using Screenplay.Web.Scripts;

namespace Screenplay.Web.Tests.Scripts;

public sealed class SceneNavigatorTests : ComponentTestContext
{
    [Fact]
    public void Scenes_from_a_real_script_are_listed_with_number_heading_page_and_a_jump_link()
    {
        // 60 two-line action paragraphs (~120 lines) push the later scenes past two 55-line pages; the second has a written number.
        var text = "INT. HOUSE - DAY\n\n" + string.Join("\n\n", Enumerable.Repeat("Rain on the window.", 60)) +
                   "\n\nEXT. YARD - NIGHT #7A#\n\nWind.\n\nINT. CAR - LATER\n\nSilence.\n";
        var view = ScriptLayout.View(text);
        var navigator = Render<SceneNavigator>(p => p.Add(c => c.Scenes, view.Scenes));

        var entries = navigator.FindAll("li a").Select(a => (
            Number: a.QuerySelector(".number")!.TextContent,
            Heading: a.QuerySelector(".heading")!.TextContent,
            Page: a.QuerySelector(".page")!.TextContent,
            Href: a.GetAttribute("href"))).ToList();
        Assert.Equal(3, entries.Count);
        Assert.Equal(("1", "INT. HOUSE - DAY", "p. 1", "#scene-0"), entries[0]);
        Assert.Equal("7A", entries[1].Number);
        Assert.Equal("EXT. YARD - NIGHT", entries[1].Heading);
        Assert.Equal("p. 3", entries[1].Page);
        Assert.Equal("p. 3", entries[2].Page);
        Assert.Equal("3", navigator.Find("h2 .count").TextContent);
    }

    [Fact]
    public void Links_can_point_at_another_page()
    {
        var navigator = Render<SceneNavigator>(p => p
            .Add(c => c.Scenes, [new SceneEntry(4, "5", "INT. BARN - DAY", 3)])
            .Add(c => c.BaseHref, "/scripts/abc"));
        Assert.Equal("/scripts/abc#scene-4", navigator.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Without_scenes_it_explains_how_a_scene_starts()
    {
        var navigator = Render<SceneNavigator>(p => p.Add(c => c.Scenes, []));
        Assert.Empty(navigator.FindAll("li"));
        Assert.Contains("INT. KITCHEN - NIGHT", navigator.Find(".empty").TextContent);
    }
}
