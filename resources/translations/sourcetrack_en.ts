<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ArticleActionWords</name>
    <message numerus="yes">
        <source>Delete “{title}” with its %n statement(s), their tags, claim links and marks?

Edit ▸ Undo (Ctrl+Z) puts it back.</source>
        <translation>
            <numerusform>Delete “{title}” with its %n statement, its tags, claim links and marks?

Edit ▸ Undo (Ctrl+Z) puts it back.</numerusform>
            <numerusform>Delete “{title}” with its %n statements, their tags, claim links and marks?

Edit ▸ Undo (Ctrl+Z) puts it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>accept %n suggestion(s)</source>
        <translation>
            <numerusform>accept %n suggestion</numerusform>
            <numerusform>accept %n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accepted {done} of %n suggestion(s).</source>
        <translation>
            <numerusform>Accepted {done} of %n suggestion.</numerusform>
            <numerusform>Accepted {done} of %n suggestions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message numerus="yes">
        <source>{claims}, %n contested</source>
        <translation>
            <numerusform>{claims}, %n contested</numerusform>
            <numerusform>{claims}, %n contested</numerusform>
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
</context>
<context>
    <name>ImportWords</name>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>%n imported</numerusform>
            <numerusform>%n imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation>
            <numerusform>%n duplicate</numerusform>
            <numerusform>%n duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>article {article}: %n statement(s)</source>
        <translation>
            <numerusform>article {article}: %n statement</numerusform>
            <numerusform>article {article}: %n statements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message numerus="yes">
        <source>{statements} in %n article(s)</source>
        <translation>
            <numerusform>{statements} in %n article</numerusform>
            <numerusform>{statements} in %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectJob</name>
    <message numerus="yes">
        <source>wrote %n article(s) ({selections} selections) to {file}</source>
        <translation>
            <numerusform>wrote %n article ({selections} selections) to {file}</numerusform>
            <numerusform>wrote %n articles ({selections} selections) to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %n claim(s) to {file}</source>
        <translation>
            <numerusform>wrote %n claim to {file}</numerusform>
            <numerusform>wrote %n claims to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wrote %n tag(s) to {file}</source>
        <translation>
            <numerusform>wrote %n tag to {file}</numerusform>
            <numerusform>wrote %n tags to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n kept (changed in the project since)</source>
        <translation>
            <numerusform>, %n kept (changed in the project since)</numerusform>
            <numerusform>, %n kept (changed in the project since)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SideBySideView</name>
    <message numerus="yes">
        <source>… and %n later statement(s)</source>
        <translation>
            <numerusform>… and %n later statement</numerusform>
            <numerusform>… and %n later statements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesDialog</name>
    <message numerus="yes">
        <source>Add %n known alias(es)</source>
        <translation>
            <numerusform>Add %n known alias</numerusform>
            <numerusform>Add %n known aliases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) use levels of another scale. They keep their own levels and labels everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.</source>
        <translation>
            <numerusform>%n tag uses levels of another scale. It keeps its own level and label everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.</numerusform>
            <numerusform>%n tags use levels of another scale. They keep their own levels and labels everywhere; new tags are rated on {scale}. Edit ▸ Undo switches back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatementsView</name>
    <message numerus="yes">
        <source>tag %n statement(s) {source}</source>
        <translation>
            <numerusform>tag %n statement {source}</numerusform>
            <numerusform>tag %n statements {source}</numerusform>
        </translation>
    </message>
</context>
</TS>
