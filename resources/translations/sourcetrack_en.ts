<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgreementView</name>
    <message numerus="yes">
        <source>%Ln coder(s)</source>
        <translation>
            <numerusform>%Ln coder</numerusform>
            <numerusform>%Ln coders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s) judged by two or more of the {coders}</source>
        <translation>
            <numerusform>%Ln statement judged by two or more of the {coders}</numerusform>
            <numerusform>%Ln statements judged by two or more of the {coders}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Disagreements&lt;/b&gt;: %Ln statement(s) the coders read differently</source>
        <translation>
            <numerusform>&lt;b&gt;Disagreements&lt;/b&gt;: %Ln statement the coders read differently</numerusform>
            <numerusform>&lt;b&gt;Disagreements&lt;/b&gt;: %Ln statements the coders read differently</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleActionWords</name>
    <message numerus="yes">
        <source>Delete “{title}” with its %Ln statement(s), their tags, claim links and marks?

Edit ▸ Undo (Ctrl+Z) puts it back.</source>
        <translation>
            <numerusform>Delete “{title}” with its %Ln statement, its tags, claim links and marks?

Edit ▸ Undo (Ctrl+Z) puts it back.</numerusform>
            <numerusform>Delete “{title}” with its %Ln statements, their tags, claim links and marks?

Edit ▸ Undo (Ctrl+Z) puts it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>accept %Ln suggestion(s)</source>
        <translation>
            <numerusform>accept %Ln suggestion</numerusform>
            <numerusform>accept %Ln suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted {done} of %Ln suggestion(s).</source>
        <translation>
            <numerusform>Accepted {done} of %Ln suggestion.</numerusform>
            <numerusform>Accepted {done} of %Ln suggestions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>{claims}, %Ln contested</source>
        <translation>
            <numerusform>{claims}, %Ln contested</numerusform>
            <numerusform>{claims}, %Ln contested</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountPhrases</name>
    <message numerus="yes">
        <source>%Ln article(s) added</source>
        <translation>
            <numerusform>%Ln article added</numerusform>
            <numerusform>%Ln articles added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln already there</source>
        <comment>articles</comment>
        <translation>
            <numerusform>%Ln already there</numerusform>
            <numerusform>%Ln already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag(s) added</source>
        <translation>
            <numerusform>%Ln tag added</numerusform>
            <numerusform>%Ln tags added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <comment>tags</comment>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <comment>tags</comment>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept</source>
        <comment>tags</comment>
        <translation>
            <numerusform>%Ln kept</numerusform>
            <numerusform>%Ln kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s) made</source>
        <translation>
            <numerusform>%Ln statement made</numerusform>
            <numerusform>%Ln statements made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selection(s) moved</source>
        <translation>
            <numerusform>%Ln selection moved</numerusform>
            <numerusform>%Ln selections moved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln empty selection(s) left out</source>
        <translation>
            <numerusform>%Ln empty selection left out</numerusform>
            <numerusform>%Ln empty selections left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) not linked to a selection not imported</source>
        <translation>
            <numerusform>%Ln note not linked to a selection not imported</numerusform>
            <numerusform>%Ln notes not linked to a selection not imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln note(s) not linked to a selection left out: a tag imported with its selection has the same note</source>
        <translation>
            <numerusform>%Ln note not linked to a selection left out: a tag imported with its selection has the same note</numerusform>
            <numerusform>%Ln notes not linked to a selection left out: a tag imported with its selection has the same note</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%Ln tag(s)</source>
        <translation>
            <numerusform>%Ln tag</numerusform>
            <numerusform>%Ln tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim link(s)</source>
        <translation>
            <numerusform>%Ln claim link</numerusform>
            <numerusform>%Ln claim links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s)</source>
        <translation>
            <numerusform>%Ln statement</numerusform>
            <numerusform>%Ln statements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim(s)</source>
        <translation>
            <numerusform>%Ln claim</numerusform>
            <numerusform>%Ln claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln suggestion(s)</source>
        <translation>
            <numerusform>%Ln suggestion</numerusform>
            <numerusform>%Ln suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln “no source” mark(s)</source>
        <translation>
            <numerusform>%Ln “no source” mark</numerusform>
            <numerusform>%Ln “no source” marks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln review(s)</source>
        <translation>
            <numerusform>%Ln review</numerusform>
            <numerusform>%Ln reviews</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflict(s)</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more conflict(s)</source>
        <translation>
            <numerusform>%Ln more conflict</numerusform>
            <numerusform>%Ln more conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{found} of %Ln article(s) found here</source>
        <translation>
            <numerusform>{found} of %Ln article found here</numerusform>
            <numerusform>{found} of %Ln articles found here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message numerus="yes">
        <source>%Ln imported</source>
        <translation>
            <numerusform>%Ln imported</numerusform>
            <numerusform>%Ln imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s)</source>
        <translation>
            <numerusform>%Ln duplicate</numerusform>
            <numerusform>%Ln duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s)</source>
        <translation>
            <numerusform>%Ln statement</numerusform>
            <numerusform>%Ln statements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message numerus="yes">
        <source>{statements} in %Ln article(s)</source>
        <translation>
            <numerusform>{statements} in %Ln article</numerusform>
            <numerusform>{statements} in %Ln articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectJob</name>
    <message numerus="yes">
        <source>%Ln selection(s)</source>
        <translation>
            <numerusform>%Ln selection</numerusform>
            <numerusform>%Ln selections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %Ln article(s) ({selections}) to {file}</source>
        <translation>
            <numerusform>wrote %Ln article ({selections}) to {file}</numerusform>
            <numerusform>wrote %Ln articles ({selections}) to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %Ln claim(s) to {file}</source>
        <translation>
            <numerusform>wrote %Ln claim to {file}</numerusform>
            <numerusform>wrote %Ln claims to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %Ln tag(s) to {file}</source>
        <translation>
            <numerusform>wrote %Ln tag to {file}</numerusform>
            <numerusform>wrote %Ln tags to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln kept (changed in the project since)</source>
        <translation>
            <numerusform>, %Ln kept (changed in the project since)</numerusform>
            <numerusform>, %Ln kept (changed in the project since)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln added</source>
        <translation>
            <numerusform>%Ln added</numerusform>
            <numerusform>%Ln added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unchanged</source>
        <translation>
            <numerusform>%Ln unchanged</numerusform>
            <numerusform>%Ln unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln statement(s) created</source>
        <translation>
            <numerusform>%Ln statement created</numerusform>
            <numerusform>%Ln statements created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim link(s) added</source>
        <translation>
            <numerusform>%Ln claim link added</numerusform>
            <numerusform>%Ln claim links added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message numerus="yes">
        <source>… and %Ln later statement(s)</source>
        <translation>
            <numerusform>… and %Ln later statement</numerusform>
            <numerusform>… and %Ln later statements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message numerus="yes">
        <source>Add %Ln known alias(es)</source>
        <translation>
            <numerusform>Add %Ln known alias</numerusform>
            <numerusform>Add %Ln known aliases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag(s) use levels of another scale. They keep their own levels and labels everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.</source>
        <translation>
            <numerusform>%Ln tag uses levels of another scale. It keeps its own level and label everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.</numerusform>
            <numerusform>%Ln tags use levels of another scale. They keep their own levels and labels everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatementsView</name>
    <message numerus="yes">
        <source>tag %Ln statement(s) {source}</source>
        <translation>
            <numerusform>tag %Ln statement {source}</numerusform>
            <numerusform>tag %Ln statements {source}</numerusform>
        </translation>
    </message>
</context>
</TS>
