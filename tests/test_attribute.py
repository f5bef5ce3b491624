"""Quotes, their frames and their speakers in news prose: the New York
Times' style (doubled apostrophes, middle initials, a quote that goes on after
its attribution), reported speech beyond "X said CLAUSE", and direct-quote
frames. Each text is analyzed once with the bundled models and the rules
alone (tests/test_span_model.py tests what the report tagger adds)."""

from pathlib import Path

import pytest

import quotes
from quotes.attribute import noun_phrase
from quotes.span_model import NoTagger
from quotes.types import Token

NYT_STYLE = (
    "The city defended the purchase on Tuesday.\n\n"
    "''We wanted to control the land,'' said Paul H. Chipok, a lawyer for the city. "
    "''Nobody else was going to do it.''\n"
)


def analyze_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("article") / "article.txt"
    path.write_text(text)
    return quotes.analyze([path], models="compact", tagger=NoTagger(), min_confidence=0)


@pytest.fixture(scope="module")
def nyt(tmp_path_factory):
    return analyze_text(tmp_path_factory, NYT_STYLE)


def direct_only(analysis):
    return [q for q in analysis.quotes if q.kind == "direct"]


def test_doubled_apostrophes_make_a_direct_quote_in_two_sentences(nyt):
    (q,) = direct_only(nyt)
    assert q.kind == "direct"
    assert [f.text for f in q.fragments] == ["We wanted to control the land", "Nobody else was going to do it."]
    # offsets counted in NYT_STYLE: from inside the first '' to the end of the last sentence
    assert [(s.start, s.end) for s in (q.content, *q.fragments, q.cue, q.speaker)] == [
        (46, 156), (46, 75), (125, 156), (79, 83), (84, 98)]


def test_a_middle_initial_stays_in_the_speaker_name(nyt):
    (q,) = direct_only(nyt)
    assert q.speaker.text == "Paul H. Chipok"
    assert q.entity.name == "Paul H. Chipok"
    assert q.entity.role and q.entity.role.startswith("lawyer")


REPORTED = (
    "Marco Rubio: I Am Not Interested In Being Vice President\n\n"
    "In the long run, many economists say, this effect could ripple through the health care system.\n\n"
    "The strike was, the union leader said, the longest in a decade.\n\n"
    "While the mayor praised the budget, Senator Ana Ortiz used part of her speech to call the plan a disaster.\n\n"
    "A poll released last week showed Clinton leading in the state.\n\n"
    "The two senators questioned the science and criticized the Paris agreement.\n\n"
    "A mere 9 percent say they only buy American.\n\n"
    "Almost half said they wanted a change. About four in 10 said they were angry with the government. "
    "And one in five say the law is unfair.\n\n"
    "WASHINGTON — The governor vetoed the bill on Friday, saying it would raise taxes.\n\n"
    "Update: This story was corrected on Monday.\n\n"
    'Luntz said the camp had failed to "humanize their campaign." The slogan felt bloodless, he said.\n\n'
    "Charles Geyh, a professor at Indiana University, said Trump could file a complaint.\n\n"
    "“We were tremendously wrong,” Ramos, 58, told AFP in an interview.\n\n"
    "Asked if the comments had rattled them, Ryan said, “Sure. Everybody pays attention to our politics.”\n\n"
    "He noted that as a businessman, there was no reason Trump would dwell on "
    "“the difference between Sunni and Shia.”\n\n"
    'He added that the account should "be seen through the lens of hindsight. It must be terrible for him."\n\n'
    "The lawmakers argue that “there is precedent for prosecution,” citing an earlier case.\n\n"
    "She later compared the conversation to a “root canal,” according to Axelrod’s memoir.\n\n"
    "The senators asked the court to block the law.\n\n"
    "American Bridge President Jessica Mackler issued a statement saying the comment has no place in politics.\n\n"
    "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to expand on her statement, "
    "saying that the United States should lead.\n\n"
    "LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed the media, saying they were nitpicking.\n\n"
    "Clinton spoke for an hour. She went on to say that her statements were accurate.\n\n"
    "But the debate was so subdued that Mr. Trump was prompted to say it had been civil.\n\n"
    "The implication, according to the Sanders aide, is that Clinton cheated.\n\n"
    "In addition, according to the department, nearly nine million workers are eligible.\n\n"
    "Clinton leads Sanders by 271 delegates according to a count by The Associated Press.\n\n"
    "According to the historian David Marsh, U.S. and European rates have moved apart.\n\n"
    "The approach is made possible by its resources, said Katie Harbath, a director at Facebook.\n\n"
    "“We were wrong,” Benjamin J. Rhodes, the deputy national security adviser to the president, said Sunday.\n\n"
    "On Twitter, Jeb Bush called Trump “unhinged.”\n\n"
    "Having announced that he would not send me to prison, Judge Berman handed down his sentence.\n\n"
    "Despite challenging the leader's record, Cruz said if elected president he could work with him.\n\n"
    "Like others defending the laws, Schuette said the lower-court judges are disallowing the practice.\n\n"
    "Whites without a college degree made up 36 percent of the electorate, according to exit polls.\n\n"
    "Rich Heffley, a top Tallahassee GOP operative who played a major role in John McCain’s big Florida win "
    "in 2008 and is now running Bush’s early-vote efforts in the state, said the absentee program is crucial.\n\n"
    "Many speakers at the service — including Muslims, Christians, Catholics, Jews — said his death is "
    "particularly painful.\n\n"
    "Cross said he is left with two options: Clinton, whom he called “the most divisive figure in years,” "
    "or a third party.\n\n"
    "One month after announcing his support for Trump, Rubio still believes that he is unfit to lead.\n\n"
    "Before dropping out, chief rival Ted Cruz responded with vitriol.\n\n"
    "Mr. Putin also veered close to an admission that Russian soldiers had fought in eastern Ukraine, saying, "
    "''We never said there were no people there solving certain questions.''\n\n"
    "Murphy projects optimism (he is one of the poorest members of the Senate, with a net worth of "
    "less than $100,000, according to Senate filings).\n\n"
    "Hillary Clinton is telling customers at a popular Manchester, New Hampshire, breakfast spot that she "
    "needs them tomorrow.\n\n"
    "Bush described his leadership skills as a “work in progress.” Moore thanked him for “stepping up.”\n\n"
    "Still, the Business Council of British Columbia opposed an increase.\n\n"
    "The senator expressed concern that the deal would fail.\n\n"
    "Asked if her email practices were illegal, 46 percent of voters said yes.\n\n"
    "Lawmakers were irritated about the lack of detail, with Sen. John McCain calling it a “Chinese menu.”\n\n"
    "Last month, FBI Director James Comey called it careless but said she should face no charges.\n\n"
    "A Bloomberg poll in June showed that most voters were worried.\n\n"
    "A spokeswoman for the Israeli Defense Ministry declined to comment.\n\n"
    "Most Democrats say they will support Clinton over Trump, who garnered support from only 15 percent.\n\n"
    "While he said he'd hold a hearing, it's unlikely to win his support without naming a site.\n\n"
    "The White House contends that it is on track, and Brian Deese, the White House climate change adviser, "
    "said he and his staff were preparing models.\n\n"
    "Some Clinton allies suggested that intelligence officials were politically motivated.\n\n"
    "Sanders aides -- who spoke on condition of anonymity because they were not authorized to discuss "
    "the matter -- said the senator would stay in the race.\n\n"
    "Indeed, AFL-CIO President Richard Trumka felt compelled to issue a memo instructing the affiliates "
    "to hold off on endorsements.\n\n"
    "In an unusually blunt statement, the governor attacked the budget, saying it was a disaster.\n\n"
    "“You bet I would,” Christie said when asked whether he would issue a quarantine.\n\n"
    "He's suggesting that delegates from states he won should flip to his column.\n\n"
    'On Tuesday, Mr. Ackman wrote to investors, telling them Valeant was "worth multiples of the market price."\n\n'
    "The mayor told the Elk County Herald she has already received hundreds of letters from commuters.\n\n"
    "As a state audit from 2019 noted, the bridge has needed repairs since 2009.\n\n"
    "A state engineer says the bridge could last ten more years -- noting that its twin collapsed in 2010.\n\n"
    "The senator is pledging to take his fight to the floor -- even as his rival closed in on the nomination.\n\n"
    "In a short speech, Cruz mentioned the network five times and seemed to blame it for his loss.\n\n"
    "He said that the Cruz campaign's announcement, which some have argued was intended to get Carson "
    "supporters to caucus for Cruz, was an insult to the volunteers.\n\n"
    "Mr. Trump said, among other things, that Mr. Bezos has an antitrust problem.\n\n"
    "Christie bristled at the suggestion that he was responsible for advising Trump to soften his "
    'stance on immigration, saying, "the advice I give to Donald is to Donald."\n\n'
    "Cruz warned that “when you live by the pen, you die by the pen.”\n\n"
    '"This is an absolute epidemic," Cruz said. "We need leadership to solve it. Solving it has to '
    'occur at the state and local level." It’s unclear if Cruz is aware of the numbers.\n\n'
    '"We have bigger problems in life than focusing on somebody\'s gender," says Gloria Garcia, 34, a nurse '
    "from Brownsville, Texas. She says people should be able to use the bathroom they prefer. "
    '"It is their life; they are not hurting anybody."\n\n'
    "Sanders, who has already sent fundraising pleas on Canova’s behalf, said he also may campaign for him.\n\n"
    "On social issues, 47% say the United States should commit troops on the ground.\n\n"
    "Trump blasted the instructor during a rally and then tweeted that she was a disgrace.\n\n"
    "However, while the RNC says they are well on their way to reaching their goal, they are not receiving "
    "help from many companies who funded the convention in years past.\n\n"
    "As President Obama announces that he is ready for the fight against legal guns, he is set to release "
    "a series of Executive Orders.\n\n"
    "Clinton acknowledged Sanders' success, saying she applauded him.\n\n"
    "The city defended the purchase on Tuesday.\n\n"
    "Dunwoody, who worked as a campaign staffer for Barack Obama, said tensions among many activists in "
    "California were higher than at any point he could remember.\n\n"
    "William E. Wilkin, a history teacher at the high school that was hosting the convention, voiced the "
    "frustration of many Republicans.\n\n"
    "By big margins, those surveyed say the economy should be the first priority for the next president.\n\n"
    "“It reminds us how important this election is,” Sen. Marco Rubio (R-Fla.) said Saturday night at the "
    "debate.\n\n"
    "Josh Hendler, a top Democratic tech operative, warned Saturday that the move could deeply damage the party.\n\n"
    "Clinton made it clear that she has serious concerns about the bill, but she backed it.\n\n"
    "It is clear that the race is tightening.\n\n"
    "Sanders pointed to the polls, which showed him ahead.\n\n"
    "Republicans in Congress railed against the deal.\n\n"
    "Minutes later, the Trump campaign issued a statement saying that Trump meant gun owners.\n\n"
    "The company in a statement said it would fight the ruling.\n\n"
    "Ryan and Trump will meet next week, Spicer said, adding that they need a good talk.\n\n"
    "At least 20 militants were also killed, the army added, while an official said that a district chief "
    "had been abducted.\n\n"
    "Photos released of the scene showed numerous damaged cars.\n\n"
    "Supporters of Republican Donald Trump for president say the economy is weak.\n\n"
    "Writing in the Post, the critic argued that the film was too long.\n\n"
    "In a blog post, Matthew Ingram of The Globe and Mail wrote that the feud would go on.\n\n"
    "The army in turn has released its own footage of air strikes on rebel positions. The campaign released "
    "a Web video that accuses the senator of welcoming refugees.\n\n"
    "Nothing the president said \"will assuage people's fears,\" the Florida senator said.\n\n"
    "Professor Cres Eastman, Director of the National Iodine Nutrition Study, and Chairman of the Australian "
    "Centre for Control of Iodine Deficiency Disorders, says it is crucial that children get iodine.\n\n"
    "He also said talks were underway to ensure that the technicians, who have kept the aircraft flying, "
    "would be able to stay.\n\n"
    "Judge David McKeague, writing for the majority, said the state’s early voting period “is really quite "
    "generous.”\n\n"
    "Priebus later Thursday told Fox News that the meeting would go well.\n\n"
    "Two officials who spoke with The Huffington Post said the committee had become a shell.\n\n"
    "Republicans were quick to respond, with Donald Trump tweeting that it was a fiasco and asking "
    "whether she could be president.\n\n"
    "Protesters were pushed out, with Trump reportedly yelling that they should leave.\n\n"
    "A White House official who spoke anonymously to discuss internal strategy said there were talks "
    "with the campaign.\n\n"
    "A campaign spokeswoman said all staff members sign the agreements, though she did not discuss their terms.\n\n"
    "Carter said each extra week of training yields fewer injuries.\n\n"
    "The county said about a third of the ballots arrived late.\n\n"
    "Police reported at least twelve cars were damaged overnight.\n\n"
    'The senator said the U.S. "urgently" needed a new trade policy.\n\n'
    'Maria Lopez, a nurse who works nights, said the hospital "ignored every warning" for months.\n\n'
    "Tom Reyes, a driver who works weekends, said the depot ignored every complaint.\n\n"
    "Lee Park, speaking after the vote, said the council ignored the petition.\n\n"
    'A 2014 House report found "no evidence of a stand-down order."\n\n'
    'The group seeks what it calls "sensible gun laws."\n\n'
    "That said, few voters in the county knew the plan.\n\n"
    "Asked if the toll was fair, 46 percent of drivers said yes, compared with 23 percent a year ago.\n\n"
    "The mayor thinks that the toll is too high; that's a risky view in this town.\n\n"
    "Some of the drivers said they had written to the council; joined the protests; and signed petitions.\n\n"
    "BERLIN, May 4 (Reuters) - Germany's center-left Social Democratic party leader, Anna Berg, voiced support "
    "for the new rail plan on Tuesday, saying the project would bring jobs to the region.\n\n"
    '"Nobody wanted that fight," the mayor said, referring to the stadium vote. "We had no choice."\n\n'
    '"The line never moves," said Ana Diaz, a cashier, who said she had waited an hour. "It is always like this."\n\n'
    "The council, which said the road was safe, voted against the plan.\n\n"
    "Trump talked about the stock market and made comments about foreign policy.\n\n"
    "Cruz touted his win over Trump in Iowa as he urged conservatives to unite behind him. Ryan criticized "
    "the tax bill even though he voted for it. Democrats said the bill went too far while Republicans insisted "
    "it was modest. The mayor argued that the levy was fair, whereas the council claimed it would hurt families.\n\n"
    "Collins endorsed Mr. Trump and has been a critic of his style.\n\n"
    "Adelson said earlier on Friday during a news conference that he may wait until February to decide. Retired "
    "neurosurgeon Ben Carson told a crowded banquet hall at a hotel in downtown Baltimore that he is not giving up.\n\n"
    "Six in 10 voters said Clinton is honest, and three-quarters said the same of Sanders. The aides were asked "
    "if the deal was done, but neither side would say so.\n\n"
    "One of his advisers said the senator would leave it to the voters.\n\n"
    "Kasich offered the man a job, then said he would welcome advice from anyone.\n\n"
    "A source familiar with the mayor's thinking said the budget would pass. People close to the campaign "
    "said the governor would run.\n\n"
    "New York (AFP) – Vice President Joe Biden on Monday hit the campaign trail, accusing the governor of "
    "ignoring the troops.\n\n"
    "We asked our followers which candidate won the debate. In the same debate, the moderator asked Carson about "
    "his ties to a supplement maker. Putin railed about Washington's habit of meddling in the affairs of other "
    "countries.\n\n"
    "Clinton noted her years as senator representing the state. The actress wanted a candidate who had not taken "
    "money from Wall Street.\n\n"
    "Packer praised the wins in Texas, Oklahoma and Alaska. Cruz criticized the moderators Jake Tapper, Dana Bash, "
    "and Wolf Blitzer.\n\n"
    "One Republican presidential hopeful, Carly Fiorina, says despite being a Stanford alumna, she plans to root "
    "for Iowa.\n\n"
    "The governor is predicting that the bill will pass. Unions are backing the plan.\n\n"
    "In the latest polls, the race appears closer in Ohio. The central bank, which has held rates near zero, "
    "is widely expected to raise them in March. It appears the mayor has little chance of winning. "
    "Mr. Cruz seemed to mock the proposal. The senator appeared on Fox News on Sunday. After the debate, the "
    "field appeared poised to narrow further. This seems like a comparable moment.\n\n"
    "As the analyst pointed out in a column, the plan costs more than it saves.\n\n"
    "During an interview, the actress was asked if she had ever been treated unfairly. The senator was asked by "
    "host Ann Lee whether the plan would pass. Asked about the delay, the mayor said the city had no choice. "
    "Voters were also asked to pick a loser. The governor was asked repeatedly by reporter Tom Hale "
    "when the bridge would reopen.\n\n"
    'The governor summed up the deal as "a mess," denounced its cost and said the city would appeal.\n\n'
    "The party could not find a candidate for the seat. Researchers find that the rate is rising. "
    "The agency found itself at the center of the storm. She helped found the group in 2008.\n\n"
    "The donors paid a company called Harmony Enterprises, and the senator called for a recount.\n\n"
    "The mayor defended the new budget, which she said would cut waste. The council backed a plan that critics "
    "say will raise rents. The lawmakers stood by a bill that they believe is fair.\n\n"
    "The steel plant is under intense pressure from imports, said the company's chief executive, John Ferris. "
    "The deal is within his reach, said a handful of Democrats who point to his record.\n\n"
    "The senator is popular at home. She's said she will run again.\n\n"
    "Some aides said Trump likened the talks to a real estate deal. The governor said she hoped the vote "
    "would pass.\n\n"
    "As The Atlantic noted, trust in government is falling. The deficit will grow, as the budget office reported "
    "on Tuesday. As reported by the Herald, the mayor will resign. The crowd cheered loudly, as the mayor "
    "criticized the tax.\n\n"
    "The mayor at the time said the bridge was safe. Clinton last week said the plan would cut costs for families. "
    "A Gallup poll last month showed the governor trailing in the state. Kristen Day said the platform was "
    "divisive.\n\n"
    "Earlier Wednesday, Schilling appeared on a radio show in Boston and defended his comments.\n\n"
    "Some far-right commentators have suggested that the senator is more flexible in private.\n\n"
    "Cruz has said for weeks he is the only candidate who can beat Trump. The mayor said in a statement released "
    "by the city on Monday the bridge would reopen in May.\n\n"
    "The meeting was first reported by Politico. He is not licensed to practice, a fact first reported by "
    "Christopher Heath, a TV reporter. Most voters said the economy was weak, according to exit polling "
    "reported by CNN.\n\n"
    "The billionaire businessman began by talking about the state's drug crisis. Pence is joining Trump in "
    "calling for a special prosecutor to investigate the foundation.\n\n"
    "Sanders called out Clinton on the substance of her attack. Ryan laid out his vision for a reformed tax code. "
    "The insurgents have focused on a campaign across the countryside.\n\n"
    "The Afghan government has been releasing its own footage of airstrikes, while boasting of inflicting heavy "
    "casualties on the jihadist group. The senator apologized for his remarks about the judge.\n"
)


def by_content(tmp_path_factory, text):
    return {q.content.text: q for q in analyze_text(tmp_path_factory, text).quotes}


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    return by_content(tmp_path_factory, REPORTED)


@pytest.mark.parametrize(("content", "speaker"), [
    # past adverbials the parse hangs on the cue before its clause, however long
    ("he is the only candidate who can beat Trump", "Cruz"),
    ("the bridge would reopen in May", "The mayor"),
    # a passive report names its reporter after "by", and what was reported before it
    ("The meeting", "Politico"),
    ("a fact", "Christopher Heath"),
    # a verb and its particle report after a preposition, as a participle of the subject's
    ("the state's drug crisis", "The billionaire businessman"),
    ("a special prosecutor to investigate the foundation", "Pence"),
    # what "call out" and "lay out" name
    ("Clinton on the substance of her attack", "Sanders"),
    ("his vision for a reformed tax code", "Ryan"),
    # as a seed article has it, and what is apologized for
    ("inflicting heavy casualties on the jihadist group", "The Afghan government"),
    ("his remarks about the judge", "The senator"),
    # a parenthetical frame reports the whole sentence around it
    ("In the long run, many economists say, this effect could ripple through the health care system",
     "many economists"),
    # and, split after its verb, the words that complete the clause
    ("The strike was, the union leader said, the longest in a decade", "the union leader"),
    # an infinitive of purpose says what the subject of its verb says, not the clause before
    ("the plan a disaster", "Senator Ana Ortiz"),
    # evidence verbs, and a subject with a participle after it
    ("Clinton leading in the state", "A poll"),
    # the second of two coordinated verbs has the first one's subject
    ("the Paris agreement", "The two senators"),
    # an answer is reported alone, without the writer's comparison after it
    ("yes", "46 percent of drivers"),
    # a semicolon before a new subject ends the report; one in a list of its verbs does not
    ("the toll is too high", "The mayor"),
    ("they had written to the council; joined the protests; and signed petitions", "Some of the drivers"),
    # a wire dateline with a plain hyphen is no subject, and a hyphenated word stays whole
    # whatever its tags
    ("the project would bring jobs to the region", "Germany's center-left Social Democratic party leader"),
    # a report ends before the concession the writer adds
    ("all staff members sign the agreements", "A campaign spokeswoman"),
    # "say" that the compact tagger reads as a noun, and a speaker that stops before it
    ("they only buy American", "A mere 9 percent"),
    # a share of people is a speaker, whatever the tagger makes of "half" and "in"
    ("they wanted a change", "Almost half"),
    ("they were angry with the government", "About four in 10"),
    ("the law is unfair", "one in five"),
    # a participle's subject is the clause's, past the dateline
    ("it would raise taxes", "The governor"),
    # a headline's "Name: statement"
    ("I Am Not Interested In Being Vice President", "Marco Rubio"),
    # a sentence ends where a quote ends with it
    ("The slogan felt bloodless", "he"),
    # the subject before an appositive, not the reported clause's subject after "said"
    ("Trump could file a complaint", "Charles Geyh"),
    # after "told" comes the addressee; the speaker is before it
    ("We were tremendously wrong", "Ramos"),
    # the frame nearest a quote is its own, and a question asked ends before it
    ("Sure. Everybody pays attention to our politics.", "Ryan"),
    ("if the comments had rattled them", None),
    # a reported clause may open with an adverbial
    ("as a businessman, there was no reason Trump would dwell on “the difference between Sunni and Shia.”", "He"),
    # quoted words run on to their closing mark
    ('the account should "be seen through the lens of hindsight. It must be terrible for him."', "He"),
    # and a participle after the closing mark starts something else
    ("“there is precedent for prosecution,”", "The lawmakers"),
    # "according to" after a comma inside the closing mark
    ("She later compared the conversation to a “root canal,”", "Axelrod’s memoir"),
    # what someone is asked to do
    ("to block the law", "The senators"),
    # a participle reports for its clause's subject, past fronted places and datelines
    ("the comment has no place in politics", "American Bridge President Jessica Mackler"),
    ("the United States should lead", "Mrs. Clinton"),
    ("they were nitpicking", "Gov. Mike Pence"),
    # "to say" reports for the subject of the verb it hangs on
    ("her statements were accurate", "She"),
    ("it had been civil", "Mr. Trump"),
    # "according to X": around an aside, after a leading adverbial, before it with no comma,
    # and past "U.S." going on in lower case
    ("The implication, according to the Sanders aide, is that Clinton cheated", "the Sanders aide"),
    ("nearly nine million workers are eligible", "the department"),
    ("Clinton leads Sanders by 271 delegates", "a count"),
    ("U.S. and European rates have moved apart", "the historian David Marsh"),
    # "..., said X" after a clause is inverted; after a quote and a subject it is not
    ("The approach is made possible by its resources", "Katie Harbath"),
    ("We were wrong", "Benjamin J. Rhodes"),
    # a stance verb with an object reports what follows it
    ("Trump “unhinged.”", "Jeb Bush"),
    # a participle opening the sentence reports for the main clause's subject, after it
    ("he would not send me to prison", "Judge Berman"),
    # after a fronted phrase, a clause after the cue is the report, whether it opens
    # with "if" or its subject has a hyphen
    ("if elected president he could work with him", "Cruz"),
    ("the lower-court judges are disallowing the practice", "Schuette"),
    # "according to" names a noun phrase, even one whose first word reads as a verb
    ("Whites without a college degree made up 36 percent of the electorate", "exit polls"),
    # a participle after a clause "that" opens speaks for the sentence's subject (PolNeAR train)
    ("We never said there were no people there solving certain questions.", "Mr. Putin"),
    # inside a bracket, "according to" sources the bracket's words only
    ("he is one of the poorest members of the Senate, with a net worth of less than $100,000", "Senate filings"),
    # a subject before a long appositive, or an aside between dashes
    ("the absentee program is crucial", "Rich Heffley"),
    ("his death is particularly painful", "Many speakers at the service"),
    # a stance verb in a relative clause reports its object, not the sentence before it
    ("“the most divisive figure in years,”", "he"),
    ("he is unfit to lead", "Rubio"),
    # describing, thanking: stance verbs whose object is the report
    ("his leadership skills as a “work in progress.”", "Bush"),
    ("him for “stepping up.”", "Moore"),
    # opposing, expressing: stances PolNeAR counts as attributions; a name goes on past "of"
    ("an increase", "the Business Council of British Columbia"),
    ("concern that the deal would fail", "The senator"),
    # what someone was asked ends at the comma
    ("if her email practices were illegal", None),
    # a stance participle after its subject reports
    ("it a “Chinese menu.”", "Sen. John McCain"),
    # a time is no speaker, before the subject or between it and the verb
    ("she should face no charges", "FBI Director James Comey"),
    ("most voters were worried", "A Bloomberg poll"),
    # declining to comment is reported, as refusing is
    ("to comment", "A spokeswoman for the Israeli Defense Ministry"),
    # a relative clause after the report is the writer's
    ("they will support Clinton over Trump", "Most Democrats"),
    # a long addressee ends at "that"
    ("she needs them tomorrow", "Hillary Clinton"),
    # a report in a subordinate clause that opens the sentence ends at its comma
    ("he'd hold a hearing", "he"),
    # after an appositive, a subject that is coordinated ("he and his staff were") opens the report
    ("he and his staff were preparing models", "Brian Deese"),
    # a plural noun the compact tagger reads as a verb ends the subject
    ("intelligence officials were politically motivated", "Some Clinton allies"),
    # two hyphens set off an aside as a dash does
    ("the senator would stay in the race", "Sanders aides"),
    # a sentence adverb before a comma is no subject
    ("the affiliates to hold off on endorsements", "AFL-CIO President Richard Trumka"),
    # a noun phrase in a fronted prepositional phrase is no subject, adverbs and all
    ("it was a disaster", "the governor"),
    # what someone was asked after "X said when" has no speaker, least of all "X said"
    ("whether he would issue a quarantine", None),
    # "'s" after a subject is "is", no part of the speaker
    ("delegates from states he won should flip to his column", "He"),
    # a pronoun is the whole addressee; the report's subject follows it
    ('Valeant was "worth multiples of the market price."', "Mr. Ackman"),
    # an addressee ends before a subject pronoun, which opens the report
    ("she has already received hundreds of letters from commuters", "The mayor"),
    # "As X noted," reports the main clause after it, even with a weak cue
    ("the bridge has needed repairs since 2009", "a state audit from 2019"),
    # a dash before a participle or a concession ends the report as a comma does
    ("the bridge could last ten more years", "A state engineer"),
    ("to take his fight to the floor", "The senator"),
    # a second predicate of the cue's subject ends the report
    ("the network five times", "Cruz"),
    # a relative clause before the report's verb belongs to its subject
    ("the Cruz campaign's announcement, which some have argued was intended to get Carson supporters to caucus "
     "for Cruz, was an insult to the volunteers", "He"),
    # an aside between the cue and "that"
    ("Mr. Bezos has an antitrust problem", "Mr. Trump"),
    # a pronoun after "said" and an adverb opens the report, it does not invert it
    ("he also may campaign for him", "Sanders"),
    # a share of those polled speaks for them
    ("the United States should commit troops on the ground", "47%"),
    # a second verb after "and then" has the first one's subject, and ends its object
    ("the instructor during a rally", "Trump"),
    ("she was a disgrace", "Trump"),
    # a report in a subordinate clause ("while", "as") ends where the main clause starts
    ("they are well on their way to reaching their goal", "the RNC"),
    ("he is ready for the fight against legal guns", "President Obama"),
    # an acknowledgement's object is what is attributed, clause or not
    ("Sanders' success", "Clinton"),
    # and the time phrase that ends an object is not part of it
    ("the purchase", "The city"),
    # a noun phrase after "said" that goes on to a verb is the report's subject, and
    # one after a stance verb is its object: neither is an inverted speaker
    ("tensions among many activists in California were higher than at any point he could remember",
     "Dunwoody"),
    ("the frustration of many Republicans", "William E. Wilkin"),
    # those polled speak as "those surveyed"
    ("the economy should be the first priority for the next president", "those surveyed"),
    # a name's party label ends no sentence and is no inverted frame
    ("It reminds us how important this election is", "Sen. Marco Rubio"),
    # a time phrase between the cue and "that" does not make the cue an adjective
    ("the move could deeply damage the party", "Josh Hendler"),
    # a claim held by someone, in a noun or an adjective before "that"
    ("she has serious concerns about the bill", "Clinton"),
    # a verb that reports what its preposition's object names, for a group and where it sits
    ("the polls", "Sanders"),
    ("the deal", "Republicans in Congress"),
    # a fronted "minutes later" is no subject, nor is "in a statement"
    ("Trump meant gun owners", "the Trump campaign"),
    ("it would fight the ruling", "The company"),
    # a participle after a frame speaks for the frame's speaker; the frame's report
    # ends before it
    ("Ryan and Trump will meet next week", "Spicer"),
    ("they need a good talk", "Spicer"),
    # a contrast after a closing frame starts the writer's next clause
    ("At least 20 militants were also killed", "the army"),
    ("a district chief had been abducted", "an official"),
    # a past participle's noun speaks, not the object of its preposition
    ("numerous damaged cars", "Photos"),
    # the subject, not the object of a preposition in it, speaks
    ("the economy is weak", "Supporters of Republican Donald Trump for president"),
    ("the feud would go on", "Matthew Ingram of The Globe and Mail"),
    # an opening participle and its place frame the sentence; they report none of it
    ("the film was too long", "the critic"),
    # pictures that say something through a cue of their own
    ("a Web video that accuses the senator of welcoming refugees", "The campaign"),
    # a frame inside the words before a second one is part of what they report
    ("Nothing the president said \"will assuage people's fears,\"", "the Florida senator"),
    # a name before two titles set off by commas speaks
    ("it is crucial that children get iodine", "Professor Cres Eastman"),
    # a relative clause before the verb of a clause inside the report is part of it
    ("talks were underway to ensure that the technicians, who have kept the aircraft flying, "
     "would be able to stay", "He"),
    ("whether she could be president", "Donald Trump"),
    # an aside before the cue, and quoted words after it, leave the subject before the cue
    ("the state’s early voting period “is really quite generous.”", "Judge David McKeague"),
    # a weekday between subject and cue is no subject, nor is the object of a relative clause
    ("the meeting would go well", "Priebus"),
    ("the committee had become a shell", "Two officials"),
    ("there were talks with the campaign", "A White House official"),
    # "with" gives a participle its subject, past an adverb
    ("they should leave", "Trump"),
    # a noun phrase after "said" opens a clause whose verb the tagger read as a noun ("yields")
    ("each extra week of training yields fewer injuries", "Carter"),
    # a clause may open on a quantity
    ("about a third of the ballots arrived late", "The county"),
    ("at least twelve cars were damaged overnight", "Police"),
    # quoted words after the cue go on its clause, past an abbreviation's period
    ('the U.S. "urgently" needed a new trade policy', "The senator"),
    ('the hospital "ignored every warning" for months', "Maria Lopez"),
    # the noun phrase after the cue is the clause's subject, not an inverted speaker,
    # when the appositive before the cue holds a relative clause
    ("the depot ignored every complaint", "Tom Reyes"),
    # or when the parse makes its "-ed" verb the cue's clause
    ("the council ignored the petition", "Lee Park"),
    # a frame between two quotes may report something of its own; the speaker
    # mention is the relative pronoun, as written (whom it stands for is the
    # entity's name, tested below)
    ("the stadium vote", "the mayor"),
    ("she had waited an hour", "who"),
    # a relative clause in the subject reports only its own complement
    ("the road was safe", "which"),
    # a stance verb's object ends before the subject's next predicate
    ("the stock market", "Trump"),
    ("Mr. Trump", "Collins"),  # a copula's predicate too
    # "that" opens the clause after a time phrase, whatever its tag, and after an
    # addressee with a participle in it
    ("he may wait until February to decide", "Adelson"),
    ("he is not giving up", "Retired neurosurgeon Ben Carson"),  # a participle in the name too
    # "said the same", "say so": the report stands for an earlier one; no closing frame
    ("the same of Sanders", "three-quarters"),
    ("so", "neither side"),
    ("the senator would leave it to the voters", "One of his advisers"),  # a share of a pronoun's group
    ("he would welcome advice from anyone", "Kasich"),  # the subject of the verb before ", then said"
    # "familiar with", "close to" go on the phrase, and so does a gerund someone owns
    ("the budget would pass", "A source familiar with the mayor's thinking"),
    ("the governor would run", "People close to the campaign"),
    ("the governor of ignoring the troops", "Vice President Joe Biden"),  # past a dateline with its agency
    # a question asked: the addressee ends at a question word; what it was about
    ("which candidate won the debate", "We"),
    ("about his ties to a supplement maker", "the moderator"),
    # as a stance verb's object may
    ("about Washington's habit of meddling in the affairs of other countries", "Putin"),
    # what was noted or wanted may be a noun phrase
    ("her years as senator representing the state", "Clinton"),
    ("a candidate who had not taken money from Wall Street", "The actress"),
    # a stance object's first comma does not end it inside a list of names
    ("the wins in Texas, Oklahoma and Alaska", "Packer"),
    ("the moderators Jake Tapper, Dana Bash, and Wolf Blitzer", "Cruz"),
    # a reported clause may open with a phrase before its subject
    ("despite being a Stanford alumna, she plans to root for Iowa",
     "One Republican presidential hopeful, Carly Fiorina"),
    # a report ends where a contrast opens another one
    ("the bill went too far", "Democrats"),
    ("it was modest", "Republicans"),
    ("the levy was fair", "The mayor"),
    ("it would hurt families", "the council"),
    # and before the writer's subordinate clause, which may report on its own
    ("his win over Trump in Iowa", "Cruz"),
    ("to unite behind him", "he"),
    ("the tax bill", "Ryan"),
    # a stance verb in the progressive reports as in any other tense
    ("the bill will pass", "The governor"),
    # a verb in a list of verbs has the first one's subject
    ("its cost", "The governor"),
    # "find" reports in its bare form only with a clause
    ("the rate is rising", "Researchers"),
    # a phrasal cue frames the clause after its own adverbials
    ("the plan costs more than it saves", "the analyst"),
    ("the plan", "Unions"),
    # an inverted frame's speaker may have a possessive, or a relative clause
    ("The steel plant is under intense pressure from imports", "the company's chief executive"),
    ("The deal is within his reach", "a handful of Democrats"),
    # "as X noted" frames the clause after it, or the one before it at the end
    ("trust in government is falling", "The Atlantic"),
    ("The deficit will grow", "the budget office"),
    ("the mayor will resign", "the Herald"),
    # an "as" of time: the cue reports its own complement
    ("the tax", "the mayor"),
    # "'s" before "said" and a subject is "has", not a passive
    ("she will run again", "She"),
    # when it was said is not who said it: a time phrase ends the speaker, or is none
    ("the bridge was safe", "The mayor"),
    ("the plan would cut costs for families", "Clinton"),
    ("the governor trailing in the state", "A Gallup poll"),
    ("the platform was divisive", "Kristen Day"),
    ("his comments", "Schilling"),
    # a hyphenated word opening the speaker stays whole
    ("the senator is more flexible in private", "Some far-right commentators"),
])
def test_reported_speech_and_its_speaker(reported, content, speaker):
    assert content in reported, sorted(reported)
    found = reported[content].speaker
    assert (found and found.text) == speaker


def test_a_pro_form_report_goes_on_past_a_time_phrase(tmp_path_factory):
    quotes = by_content(tmp_path_factory, "Most members now back the levy, though half said so in the spring "
                                          "survey.\n")
    assert quotes["so"].speaker.text == "half"


def test_a_pro_form_report_is_no_closing_frame(reported):
    # "..., and three-quarters said the same of Sanders" reports its own words, not the clause before
    assert "Six in 10 voters said Clinton is honest" not in reported
    assert "The aides were asked if the deal was done" not in reported


def test_what_someone_focused_on_is_no_claim(reported):
    # PolNeAR often marks "focused on", but it reports an activity, not what anyone holds
    assert not any(q.cue and q.cue.text.startswith("focused") for q in reported.values()), sorted(reported)


def test_a_source_reported_by_someone_is_no_passive_report(reported):
    # "according to exit polling reported by CNN": the polling is the source, not something CNN said
    assert not any(q.speaker and q.speaker.text == "CNN" for q in reported.values()), sorted(reported)


def test_a_relative_clause_reports_what_its_pronoun_stands_for_as_someone_said(reported):
    assert reported["would cut waste"].speaker.text == "she"
    assert reported["will raise rents"].speaker.text == "critics"
    # a belief in a relative clause describes; it is not reported
    assert not any("is fair" in content for content in reported), sorted(reported)


def test_a_report_inside_another_report_is_read_in_it(reported):
    assert reported["Trump likened the talks to a real estate deal"].speaker.text == "Some aides"
    assert reported["she hoped the vote would pass"].speaker.text == "The governor"
    assert "the talks to a real estate deal" not in reported
    assert "the vote would pass" not in reported
    # the message's own report replaces "issued a statement saying ..."
    assert not any(content.startswith("a statement") for content in reported), sorted(reported)


def test_a_relative_pronoun_speaker_is_the_phrase_it_stands_for(reported):
    assert reported["she had waited an hour"].entity.name == "Ana Diaz"
    assert reported["the road was safe"].entity.name == "council"


def test_what_seems_or_is_expected_is_reported_for_nobody(reported):
    # the subject is part of what is reported, and no speaker is named
    for content in ("the race appears closer in Ohio",
                    "The central bank, which has held rates near zero, is widely expected to raise them in March",
                    "the mayor has little chance of winning",
                    "the field appeared poised to narrow further", "This seems like a comparable moment"):
        assert content in reported, sorted(reported)
        assert reported[content].speaker is None
    # a cue after "seemed to" speaks for the subject; "appeared on" reports nothing
    assert reported["the proposal"].speaker.text == "Mr. Cruz"
    assert not any("Fox News" in content for content in reported)


def test_a_question_put_to_someone_is_reported_for_who_asked_it(reported):
    assert reported["whether the plan would pass"].speaker.text == "host Ann Lee"
    assert reported["when the bridge would reopen"].speaker.text == "reporter Tom Hale"  # past an adverb
    # nobody named asked: no speaker, and not the one who answers
    for content in ("if she had ever been treated unfairly", "the delay", "Voters were also asked to pick a loser"):
        assert content in reported, sorted(reported)
        assert reported[content].speaker is None
    assert reported["the city had no choice"].speaker.text == "the mayor"


def test_what_something_is_called_is_its_name_not_a_report(reported):
    assert not any(content.startswith("Harmony Enterprises") for content in reported)
    assert reported["a recount"].speaker.text == "the senator"


def test_a_quote_that_is_the_whole_report_is_direct(reported):
    # after "saying," the quoted words are all that is reported; after "that" they end a clause
    assert reported["the advice I give to Donald is to Donald."].kind == "direct"
    assert reported["“when you live by the pen, you die by the pen.”"].kind == "mixed"
    # so are quoted words that are all a stance verb's object; a name the writer gives is not
    assert reported["no evidence of a stand-down order."].kind == "direct"
    assert reported['what it calls "sensible gun laws."'].kind == "mixed"


def test_a_quote_followed_by_the_writers_sentence_goes_on_from_its_frame(reported):
    (q,) = [q for q in reported.values() if q.content.text.startswith("This is an absolute epidemic")]
    assert [f.text for f in q.fragments] == [
        "This is an absolute epidemic",
        "We need leadership to solve it. Solving it has to occur at the state and local level."]
    assert q.speaker.text == "Cruz"


def test_a_frame_going_on_to_a_report_of_its_own_ends_the_quote(reported):
    first = reported["We have bigger problems in life than focusing on somebody's gender"]
    assert (first.kind, len(first.fragments), first.speaker.text) == ("direct", 1, "Gloria Garcia")
    # the quote after the new frame goes on from that frame's report instead
    second = reported['people should be able to use the bathroom they prefer. '
                      '"It is their life; they are not hurting anybody."']
    assert (second.kind, second.speaker.text) == ("mixed", "She")


def test_a_fronted_adverbial_is_no_report(reported):
    # nor does a participle after "after" report the main clause after its comma
    fronted = ("Before dropping out", "Cross said he is left", "his support for Trump, Rubio")
    assert not any(content.startswith(fronted) for content in reported)


def test_a_label_before_a_colon_is_no_speaker(reported):
    assert not any(content.startswith("This story") for content in reported)


def test_pictures_are_no_statement(reported):
    # "released footage" is an action (issue #38), unless the pictures say something
    assert not any(content.startswith("its own footage") for content in reported)


def test_a_claim_nobody_holds_is_no_report(reported):
    # "it is clear that ..." is the writer's own
    assert not any(content.startswith("the race is tightening") for content in reported)
    # nor is "That said, ...", nor what someone could not find
    assert not any(content.startswith("few voters") for content in reported)
    assert not any(content.startswith(("a candidate for the seat", "itself", "the group in 2008"))
                   for content in reported)


DIRECT = (
    "Cruz went on. He continued:\n\n"
    "“You look at the questions. None of them are about policy.”\n\n"
    "Mr. Trump said of the episode, “I don’t like it,” adding that the crowd was angry.\n\n"
    "“I assume she is calibrating,” said Paul R. Pillar, a former analyst. "
    "But he added, “I think the conventional wisdom is wrong.”\n\n"
    "“The whole idea of a crooked candidate needs to stop.”\n\n"
    "-Michelle Marks, Philadelphia.\n\n"
    "His final assessment: “It’s not quite optimistic,” he said. “We’re hopeful.”\n\n"
    "The mayor, exasperated, finally responded: “What difference does it make?” Her critics cited it for weeks.\n\n"
    "Asked about the vote, the council president shrugged: “We will see what happens.”\n\n"
    "When the council met on Monday, the teacher union released the following statement:\n\n"
    "“The school must stay open for the children of the valley.”\n\n"
    "In a statement released Thursday, Rep. Ana Ortiz (D-N.Y.) reacted to the news, "
    "saying: “The plant must stay open.”\n\n"
    "“The bridge is finally safe for the buses.” Ortiz said.\n\n"
    "“We looked at thousands of interviews,” the company’s chief people executive, Laszlo Bock, told the paper.\n\n"
    "“The library closes far too early,” said Maria Ortega, 52, a night-shift nurse from the east side who has "
    "used the branch for two decades. A mother of three who moved to the city in 1998, she strongly backs the "
    "new library levy in the county election next spring. “The children need a place to read after school.”\n\n"
    "The crowd cheered as the mayor walked in. Some chanted “Four more years! Four more years!”\n\n"
    "“Politics has never been gentlemanly,” said Jon Meacham, a biographer.\n\n"
    "“The lesson of 2016 is that none of the old rules apply.”\n\n"
    "Joe Wilson gained attention when he yelled “You lie!” at the president.\n\n"
    "“Power to the people!” the group shouted from the street.\n\n"
    "“If he is president, he wants to keep this movement going,” she said. “If not, he will keep it going anyway.” "
    "Asked what that might look like, she said: “We will figure that out.”\n\n"
    "But Sen. Richard J. Durbin (D-Ill.), noting the size of the list, said, “He has a heck of an email list.”\n\n"
    "''Silly boys acting like they've never seen a girl before,'' scoffed Arianna Gil, 22, a founder.\n\n"
    "“How big is that wall?” asked the boy, who was wearing a red hat.\n\n"
    "He didn't think the casino would last long: “Once the cold winds blow, it won’t make it,” "
    "Roffman predicted.\n\n"
    "\"I'm a voter,\" declares Stephanie Acs, 27, a Navy veteran.\n\n"
    "“You seem to have picked a new standard out of thin air,” the two write.\n\n"
    "Another intelligence source speaking to Fox News said, “The agents are investigating.”\n\n"
    "After winning Ohio, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”\n\n"
    "\"If she gets to pick her judges, nothing you can do,\" Trump said before adding: "
    "\"Though the Second Amendment people, maybe there is.\"\n\n"
    "The march went on, with many marchers and spectators chanting \"We are Orlando.\"\n\n"
    "POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “The polls ended too early.”\n\n"
    "\"It is a two-man race,\" said Craig Robinson, an editor. Dianne Bystrom agreed. "
    "\"Mainstream Republicans are running out of time.\"\n\n"
    "Update: “This story was corrected.”\n\n"
    "\"Related:\"\n\n"
    "“THE OTHER SIDE OF THE INFAMOUS HAMPTONS HOUSE PARTY”\n\n"
    "“He always whispered in my ear, ‘Billie Jean King, you are the Queen,’” she said.\n\n"
    "\"My father made the donation. This would be why he is the 'Title Sponsor,' \" Eric Trump wrote.\n\n"
    "\"We know how Wyoming is going to go,\" Trump senior adviser Paul Manafort conceded in an interview.\n\n"
    "\"I just think what Rubio has done on immigration is one of the worst,\" the Senate minority leader said. "
    "\"It shows a lack of character in my opinion.\" Reid said both Rubio and Cruz are \"non-entities.\"\n\n"
    "\"Go back to Univision,\" Trump barked.\n\n"
    "\"It would basically end all the kinds of health care we know,\" she went on.\n\n"
    "“They’re all here for the free stuff,” Bennett shot back with a laugh.\n\n"
    "As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved.\"\n\n"
    "A footnote in the report makes that clear: \"These assessments do not apply to the system.\"\n\n"
    "By next spring, \"the bridge will carry twice the traffic,\" the mayor said. \"Nobody expected that.\"\n\n"
    "''Small towns'' are ''not dying, they are changing,'' she said.\n\n"
    "Ms. Ortiz spoke last. She promised that the plant would stay open. \"We are not going anywhere!\"\n\n"
    "“We will win the state,” Ms. Park said on NBC’s “Meet the Press.” “Then we will win the country.”\n\n"
    "When the governor was asked about the bridge, he laughed and said, “Ask me next year.”\n\n"
    "“The plan is dead. Is the mayor even listening?” reacted Councilman Ortiz.\n\n"
    "\"Drivers should leave their cars at home,\" opined The Plain Dealer.\n\n"
    "“They’re trying to defeat opportunity for kids,” she said “Ultimately the campaign says no.”\n\n"
    "\"The crews will finish the east span first,\" said Ana Ruiz, a city engineer. "
    "\"Then they move to the bridge over the Elk River,\" which reopens in June.\n\n"
    "“I’m not there right now,” Ryan said last week on CNN, though he said, “I hope to.”\n\n"
    "“The county fair is a battle of pies” Ms. Grubbs said. “Every baker has a niche.”\n\n"
    "Neighbors were not impressed by the plan - \"it will flood every basement,\" Mr. Ortiz said - "
    "but the council approved it.\n\n"
    "Even a senior union official said the mayor will have to choose whose side she’s on, saying, "
    "“At some point, she has to come out and tell us.”\n\n"
    "\"The bridge will close for a month and nobody told us\" Ms. Park wrote, "
    "quoting a neighbor who has lived on Elk Street for forty years.\n\n"
    "Her guilty pleasure? “’House of Cards,’” she said, “although I haven’t had time to watch the last season!”\n\n"
    "\u202a”Thanks for standing up for the miners!!” wrote Dale Kemp.\n\n"
    "\"The budget is a mess,\" she said, but despite the long night, \"I think it will pass,\" said Ana Ortiz, "
    "the council clerk.\n\n"
    "“The plan is sound,” Ms. Lin wrote in a letter to the board explaining why she backed it, "
    "“but the money is not there yet.”\n\n"
    "\"The race is close,\" said Tom Hale, a pollster. Rutgers University's Lena Ortiz agreed. "
    "\"Turnout will decide it.\"\n\n"
    "\"She is weaker as a candidate than I expected,\" said Whit Ayres, who was Rubio's pollster.\n\n"
    "The mayor praised the plan. (That said, she also noted, \"The plant will stay open.\")\n\n"
    "Soon after the vote on Monday, Councilwoman Ana Ortiz wrote to her 2,000 followers, "
    "“It is time to fix the bridge for good,” and shared a link to the petition.\n\n"
    "\"The count is wrong,\" an official at the board of elections told reporters.\n\n"
    "Vice President Joe Biden weighed in as well, telling Mic in an interview published on Monday, "
    "\"But gosh almighty, they are both qualified,\" he said.\n"
)


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    return by_content(tmp_path_factory, DIRECT)


def test_a_quote_goes_on_after_its_frame(direct):
    fragments = {tuple(f.text for f in q.fragments): q.speaker and q.speaker.text for q in direct.values()}
    # 'His final assessment: "A," he said. "B."' is one statement
    assert fragments[("It’s not quite optimistic", "We’re hopeful.")] == "he"
    # and so is a quote with no frame opening the paragraph after the frame
    assert fragments[("Politics has never been gentlemanly",
                      "The lesson of 2016 is that none of the old rules apply.")] == "Jon Meacham"
    assert fragments[("If he is president, he wants to keep this movement going",
                      "If not, he will keep it going anyway.")] == "she"
    # the frame joins the quotes where a comma sits inside a nested quote's mark ('…,’” she said, “')
    assert fragments[("’House of Cards,’",
                      "although I haven’t had time to watch the last season!")] == "she"
    # or where the frame lost its comma before the next mark
    assert fragments[("They’re trying to defeat opportunity for kids",
                      "Ultimately the campaign says no.")] == "she"
    # a short frame after a quote that lost its comma
    assert fragments[("The county fair is a battle of pies", "Every baker has a niche.")] == "Ms. Grubbs"
    # a relative clause after the second quote is no frame of its own
    assert fragments[("The crews will finish the east span first",
                      "Then they move to the bridge over the Elk River")] == "Ana Ruiz"
    # a quote going on in lower case goes on past a participle in the frame
    assert fragments[("The plan is sound", "but the money is not there yet.")] == "Ms. Lin"
    # a title in the frame does not end the statement
    assert fragments[("We will win the state", "Then we will win the country.")] == "Ms. Park"
    # a long frame that goes on to a sentence of the writer's with no report verb
    assert fragments[("The library closes far too early",
                      "The children need a place to read after school.")] == "Maria Ortega"
    # a sentence after a period inside the marks is the writer's, though it reports
    # something else: it frames neither quote
    assert fragments[("I just think what Rubio has done on immigration is one of the worst",
                      "It shows a lack of character in my opinion.")] == "the Senate minority leader"


def test_a_report_between_the_fragments_of_a_quote_is_its_own(direct):
    # "..." said Maria Ortega, ... she strongly backs the levy ... "...": her words go on
    # past the writer's sentence, whose report stays
    (levy,) = [q for q in direct.values() if q.cue is not None and q.cue.text == "backs"]
    # what she backs, whether or not "next spring" is read as part of it
    assert levy.content.text.startswith("the new library levy in the county election")
    assert (levy.kind, levy.speaker.text) == ("indirect", "she")


def test_a_partial_quote_goes_on_after_its_frame(direct):
    (q,) = [q for q in direct.values() if q.content.text.startswith("By next spring")]
    assert (q.kind, q.speaker.text) == ("mixed", "the mayor")
    assert [f.text for f in q.fragments] == ["the bridge will carry twice the traffic", "Nobody expected that."]
    assert not any(text.startswith("Nobody") for text in direct)


def test_a_report_goes_on_in_the_quote_right_after_it(direct):
    (q,) = [q for q in direct.values() if q.content.text.startswith("the plant would stay open")]
    assert (q.kind, q.cue.text, q.speaker.text) == ("mixed", "promised", "She")
    assert q.content.text.endswith("going anywhere!\"")
    assert not any(text.startswith("We are not") for text in direct)


def test_a_partial_quote_keeps_whole_doubled_apostrophes(direct):
    # each '' stands for one quote mark: the content neither starts nor ends inside one
    assert "''Small towns'' are ''not dying, they are changing,''" in direct


def test_a_label_and_colon_introduce_no_speaker(direct):
    assert not any(q.speaker and q.speaker.text == "Update" for q in direct.values())


def test_a_quoted_label_or_capitals_headline_is_no_quote(direct):
    assert not {"Related:", "Related", "THE OTHER SIDE OF THE INFAMOUS HAMPTONS HOUSE PARTY"} & set(direct)


@pytest.mark.parametrize(("content", "cue", "speaker"), [
    # a paragraph ending "He continued:" frames the quote opening the next one
    ("You look at the questions. None of them are about policy.", "continued", "He"),
    # the frame before the quote is its own; ", adding" reports more, by the same speaker
    ("I don’t like it", "said", "Mr. Trump"),
    ("the crowd was angry", "adding", "Mr. Trump"),
    # and so are two quotes with a frame each, in one sentence
    ("I’m not there right now", "said", "Ryan"),
    ("I hope to.", "said", "he"),
    # a frame after a quote that lost its comma: a subject, then the cue
    ("The bridge will close for a month and nobody told us", "wrote", "Ms. Park"),
    # ", saying" hangs a few clauses deep under the frame whose speaker it names
    ("At some point, she has to come out and tell us.", "saying", "a senior union official"),
    # a quote and its frame set off by dashes, whatever its first letter
    ("it will flood every basement", "said", "Mr. Ortiz"),
    # two quotes with a sentence end between them are two statements
    ("I assume she is calibrating", "said", "Paul R. Pillar"),
    ("I think the conventional wisdom is wrong.", "added", "he"),
    # a quote signed with a dash
    ("The whole idea of a crooked candidate needs to stop.", None, "Michelle Marks"),
    # shouted, yelled: speech verbs, and a quoted sentence right after one is a direct quote
    ("You lie!", "yelled", "he"),
    ("Power to the people!", "shouted", "the group"),
    # a frame ending in a colon belongs to the quote after it, not to the one before
    ("We will figure that out.", "said", "she"),
    # a subject with a parenthesis and an aside before "said"
    ("He has a heck of an email list.", "said", "Sen. Richard J. Durbin"),
    # right after a quote, a past participle is a frame, not an adjective; and "asked"
    # is followed by its speaker, not its addressee
    ("Silly boys acting like they've never seen a girl before", "scoffed", "Arianna Gil"),
    ("How big is that wall?", "asked", "the boy"),
    # a frame after the quote beats a colon frame before it
    ("Once the cold winds blow, it won’t make it", "predicted", "Roffman"),
    # a cue verb after a quote and its speaker, even where the tagger reads a noun
    ("I'm a voter", "declares", "Stephanie Acs"),
    ("You seem to have picked a new standard out of thin air", "write", "the two"),
    # the subject before a participle phrase, before a parenthesis, outside quotes,
    # and the noun that "with" gives a participle
    ("The agents are investigating.", "said", "Another intelligence source"),
    ("I’m getting ready to rent a covered wagon.", "said", "Gov. John Kasich"),
    ("Though the Second Amendment people, maybe there is.", "adding", "Trump"),
    ("We are Orlando.", "chanting", "many marchers and spectators"),
    # a name and a colon introduce a quote
    ("The polls ended too early.", ":", "Jon Cohen"),
    # a sentence that only frames the quote after it
    ("Mainstream Republicans are running out of time.", "agreed", "Dianne Bystrom"),
    ("Turnout will decide it.", "agreed", "Rutgers University's Lena Ortiz"),
    # a first name the tagger misreads ("Whit" as a conjunction) still opens the name
    ("She is weaker as a candidate than I expected", "said", "Whit Ayres"),
    # a quote closing a parenthesis; "That said," is the writer's, no frame
    ("The plant will stay open.", "noted", "she"),
    # the comma before the frame sits inside a nested quote's mark, or before a stray space
    ("He always whispered in my ear, ‘Billie Jean King, you are the Queen,’", "said", "she"),
    ("My father made the donation. This would be why he is the 'Title Sponsor,'", "wrote", "Eric Trump"),
    # a cue verb the compact lemmatizer misreads ("conceded" as "conced")
    ("We know how Wyoming is going to go", "conceded", "Trump senior adviser Paul Manafort"),
    # after a comma inside the marks and a speaker, any verb is the frame
    ("Go back to Univision", "barked", "Trump"),
    ("It would basically end all the kinds of health care we know", "went", "she"),
    ("They’re all here for the free stuff", "shot", "Bennett"),
    # and, in the past tense, before its speaker
    ("The plan is dead. Is the mayor even listening?", "reacted", "Councilman Ortiz"),
    ("Drivers should leave their cars at home", "opined", "The Plain Dealer"),
    # "put it" frames a quote; so does a statement before a colon, whatever its verb
    ("Senate Republicans are unmoved.", "puts it", "The Post's Dana Milbank"),
    ("These assessments do not apply to the system.", "makes", "A footnote"),
    # the second of two verbs has the first one's subject, not the subject of a clause before
    ("Ask me next year.", "said", "he"),
    # a comment pasted from social media, a direction mark before its backward opening mark
    ("Thanks for standing up for the miners!!", "wrote", "Dale Kemp"),
    # the frame between two quotes is the first one's where the second has its own after it
    ("The budget is a mess", "said", "she"),
    ("I think it will pass", "said", "Ana Ortiz"),
    # a framed quote the sentence goes on from, with the speaker's next act
    ("It is time to fix the bridge for good", "wrote", "Councilwoman Ana Ortiz"),
    # "told" before its addressee, even where the parse reads it as an adjective of "reporters"
    ("The count is wrong", "told", "an official at the board of elections"),
    # a frame before a colon is the quote's, even where its sentence ends inside the marks
    # and the next one has a cue ('... responded: "...?" Her critics cited it')
    ("What difference does it make?", "responded", "The mayor"),
    # after a participle that opens the sentence, the main clause before the colon frames it
    ("We will see what happens.", "shrugged", "the council president"),
    # a paragraph ending in a colon frames the next one's quote with its main verb, whatever it is
    ("The school must stay open for the children of the valley.", "released", "the teacher union"),
    # ", saying" speaks for the clause's subject, past a leading phrase with a participle in it
    ("The plant must stay open.", "saying", "Rep. Ana Ortiz"),
    # a bare frame after the quote's period, which should have been a comma
    ("The bridge is finally safe for the buses.", "said", "Ortiz"),
    # a speech verb before the words it utters, even one the parse makes an adjective
    ("Four more years! Four more years!", "chanted", "Some"),
    # a name set off after its title goes with it, even where the title does not read as a noun phrase
    ("We looked at thousands of interviews", "told", "the company’s chief people executive, Laszlo Bock"),
])
def test_direct_quote_frames(direct, content, cue, speaker):
    assert content in direct, sorted(direct)
    q = direct[content]
    assert (q.cue and q.cue.text, q.speaker and q.speaker.text) == (cue, speaker)


def test_a_title_and_the_name_after_it_give_the_speaker_and_the_role(direct):
    entity = direct["We looked at thousands of interviews"].entity
    assert (entity.name, entity.role) == ("Laszlo Bock", "chief people executive")


def test_a_frame_before_a_colon_is_no_report_of_its_own(direct):
    # "The mayor, exasperated, responded:" introduces the quote; it does not close "The mayor, exasperated"
    assert not any(c.startswith("The mayor, exasperated") for c in direct), sorted(direct)
    # nor is "released the following statement:" a report of its own beside the quote it frames
    assert "the following statement" not in direct


def test_a_second_frame_after_a_framed_quote_is_no_report_of_its_own(direct):
    # 'X weighed in, telling Mic, "…," he said': the words before "he said" hold X's own frame
    assert not any(c.startswith("Vice President Joe Biden") for c in direct), sorted(direct)
    assert direct["But gosh almighty, they are both qualified"].speaker.text == "Vice President Joe Biden"


@pytest.fixture(scope="module")
def sample_articles():
    corpus = Path(__file__).parent.parent / "corpus"
    return quotes.analyze([corpus / "GUM_news_hackers.txt", corpus / "GUM_news_stampede.txt"], models="compact",
                          tagger=NoTagger(), min_confidence=0)


def test_a_speaker_ends_before_a_share_that_opens_the_report(sample_articles):
    # "According to the Saudi Interior Ministry over 345 Muslim pilgrims have been killed"
    speakers = {q.speaker.text for q in sample_articles.quotes if q.speaker}
    assert "the Saudi Interior Ministry" in speakers
    assert not any("pilgrims" in s for s in speakers)


def test_an_opening_active_participle_frames_the_quote_after_a_colon(sample_articles):
    # 'Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed the ongoing
    # conflict ...: "Scientology vs. the Internet, part XVII"'
    by_text = {q.content.text: q for q in sample_articles.quotes}
    quote = by_text["Scientology vs. the Internet, part XVII"]
    assert quote.speaker is not None and quote.speaker.text.startswith("Matthew Ingram")
    assert not any(text.startswith("Matthew Ingram of The Globe") for text in by_text)


MESSAGES = (
    "According to the criminal complaint, Johnson sent the victim a text message that read, "
    "\"I will find you and I will kill you.\"\n\n"
    "The mayor received a letter that said, \"Your days are numbered.\"\n"
)


def test_a_message_speaks_for_its_sender_not_for_whom_it_went_to(tmp_path_factory):
    found = direct_only(analyze_text(tmp_path_factory, MESSAGES))
    speakers = {q.content.text: q.speaker and q.speaker.text for q in found}
    # a threat in a complaint is the defendant's: he sent it, the victim received it
    assert speakers["I will find you and I will kill you."] == "Johnson"
    # who received a message did not write it: the letter speaks
    assert speakers["Your days are numbered."] == "a letter"


def test_a_connective_before_a_parenthetical_frame_is_no_part_of_the_statement(tmp_path_factory):
    text = "The council met on Monday.\n\nBut, the mayor said, “the bridge will not close this winter.”\n"
    (q,) = analyze_text(tmp_path_factory, text).quotes
    assert (q.kind, q.content.text, q.speaker.text) == ("direct", "the bridge will not close this winter.", "the mayor")


def test_a_title_split_from_its_period_runs_on_to_the_name():
    # PolNeAR train: the parse took "Sen" alone for the subject of "Sen. Bernie Sanders ... said"
    words = [("Sen", "PROPN"), (".", "PUNCT"), ("Bernie", "PROPN"), ("Sanders", "PROPN"), ("said", "VERB")]
    toks, pos = [], 0
    for i, (w, upos) in enumerate(words):
        pos += i > 0 and w != "."  # no space before the period
        toks.append(Token(i, w, pos, pos + len(w), w.lower(), upos, -1, "dep", "O"))
        pos += len(w)
    assert noun_phrase(toks, 0) == (0, 3)


def test_a_relative_clause_on_the_speaker_is_no_statement_before_the_cue(tmp_path_factory):
    # PolNeAR train: the words before "tweeted," are Trump's relative clause, not what he tweeted
    found = by_content(tmp_path_factory, 'Trump, who also campaigned in the state this week, tweeted, '
                                         '"Thank you Indiana! #Trump2016" on Friday afternoon.\n')
    quote = found["Thank you Indiana! #Trump2016"]
    assert (quote.kind, quote.speaker.text) == ("direct", "Trump")
    assert not any(text.startswith("Trump, who") for text in found)
