<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: phrase-level (inline) elements.

  Editorial signs the reading view hides carry class "ed-mark" (brackets,
  "[sic]", page breaks); text shown only in the diplomatic view carries
  "dipl-only" (edition.css, the view switch in chrome.xsl). With no CSS or
  no script the page shows everything: the diplomatic view.

  foreign   -> [<i class="foreign" lang tabindex="0" title data-lang>word</i>]
               (the language name on hover: title; on keyboard focus: CSS)
  supplied  -> <span class="supplied" title="editorial insertion">[text]</span>;
               glosses and variant names are "dipl-only" as a whole
  expan/ex  -> ex letters in a <span class="ex">; the brackets are drawn by CSS
               (.ex::before/::after) so the word stays whole for search/copy
  sic       -> text followed by " [sic]";  choice(sic, corr) -> "sic [corr]"
               in the diplomatic view, "corr" in the reading view
  gap       -> [desc] (or […]) titled with the reason
  seg[@type='orphanNoteCall'] -> its literal text, titled as a call without a note
  hi        -> em (italic), strong (bold), sup/sub, else <span class="hi-*">
  persName  -> <span class="persName">;  date[@when] -> <time>;  ref -> <a>
  pb        -> <span class="pb ed-mark" title="page break in the source">|</span>
               (@n shown by CSS; the bar too when the break falls inside a word)
  Anything else falls through to text-only copying: no text is dropped.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Human-readable language name from langUsage, else the code itself. -->
  <xsl:function name="ts:language-name" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="lang" select="key('language', $code, root($context))"/>
    <xsl:sequence select="if ($lang) then normalize-space($lang[1]) else $code"/>
  </xsl:function>

  <xsl:template match="foreign">
    <!-- brackets only where the source had them (@rend="brackets"); a run of another script
         written plainly in the text stays plain, with its language set -->
    <xsl:variable name="bracketed" select="tokenize(@rend) = 'brackets'"/>
    <xsl:if test="$bracketed">
      <xsl:call-template name="mark"><xsl:with-param name="text" select="'['"/></xsl:call-template>
    </xsl:if>
    <i class="foreign">
      <xsl:if test="@xml:lang">
        <xsl:attribute name="lang" select="@xml:lang"/>
        <xsl:attribute name="tabindex" select="0"/>
        <xsl:attribute name="title" select="ts:language-name(., @xml:lang)"/>
        <xsl:attribute name="data-lang" select="ts:language-name(., @xml:lang)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </i>
    <xsl:if test="$bracketed">
      <xsl:call-template name="mark"><xsl:with-param name="text" select="']'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An editorial sign hidden in the reading view. -->
  <xsl:template name="mark">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="class" as="xs:string" select="''"/>
    <span class="{normalize-space('ed-mark ' || $class)}"><xsl:value-of select="$text"/></span>
  </xsl:template>

  <xsl:template match="supplied">
    <!-- A gloss or variant name is an alternative to the words before it, not
         part of the text: the reading view leaves it out. -->
    <span class="{string-join(('supplied', 'dipl-only'[current()/@reason = ('gloss', 'variant-name')]), ' ')}"
        title="editorial insertion">
      <xsl:if test="@reason"><xsl:attribute name="data-reason" select="@reason"/></xsl:if>
      <xsl:call-template name="mark"><xsl:with-param name="text" select="'['"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:call-template name="mark"><xsl:with-param name="text" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="gap">
    <xsl:variable name="what" select="string-join((@reason, @quantity ! (. || ' ' || ../@unit)), ', ')"/>
    <span class="gap" title="{string-join(('gap in the source', $what[.]), ': ')}">
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="desc"><xsl:apply-templates select="desc/node()"/></xsl:when>
        <xsl:otherwise>…</xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="expan">
    <span class="expan"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="ex">
    <span class="ex" title="expanded abbreviation"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="sic">
    <span class="sic"><xsl:apply-templates/></span>
    <xsl:call-template name="mark">
      <xsl:with-param name="text" select="' [sic]'"/>
      <xsl:with-param name="class" select="'sic-mark'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The source's reading, then the editor's correction in brackets; the
       reading view shows the correction only. -->
  <xsl:template match="choice[sic and corr]">
    <span class="choice">
      <span class="sic dipl-only"><xsl:apply-templates select="sic/node()"/></span>
      <span class="dipl-only"><xsl:text> </xsl:text></span>
      <span class="corr" title="editor’s correction (the source has: {normalize-space(sic)})">
        <xsl:call-template name="mark"><xsl:with-param name="text" select="'['"/></xsl:call-template>
        <xsl:apply-templates select="corr/node()"/>
        <xsl:call-template name="mark"><xsl:with-param name="text" select="']'"/></xsl:call-template>
      </span>
    </span>
  </xsl:template>

  <xsl:template match="seg[@type = 'orphanNoteCall']">
    <span class="orphan-note-call" title="note call in the source; the source has no note for it">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="seg">
    <span class="{string-join(('seg', @type ! ('seg-' || ts:token(.))), ' ')}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="hi[@rend = 'italic']"><em><xsl:apply-templates/></em></xsl:template>
  <xsl:template match="hi[@rend = 'bold']"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="hi[@rend = ('superscript', 'sup')]"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="hi[@rend = ('subscript', 'sub')]"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="hi">
    <span class="{string-join(('hi', tokenize(@rend) ! ('hi-' || ts:token(.))), ' ')}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="persName">
    <span class="persName">
      <xsl:if test="@ref"><xsl:attribute name="data-ref" select="replace(@ref, '^#', '')"/></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="date[@when]">
    <time datetime="{@when}"><xsl:apply-templates/></time>
  </xsl:template>

  <xsl:template match="ref[@target]">
    <a href="{@target}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="title">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="pb">
    <xsl:variable name="before" select="string(preceding::text()[1])"/>
    <xsl:variable name="after" select="string(following::text()[1])"/>
    <xsl:variable name="title" select="'page break in the source' || @n ! (' (page ' || . || ')')"/>
    <!-- @n is shown by CSS (attr(data-n)) so it never glues to the next word;
         inside a word the bar is CSS-generated too, so the word stays whole. -->
    <xsl:variable name="in-word" select="matches($before, '\w$') and matches($after, '^\w')"/>
    <span class="{if ($in-word) then 'pb pb-in-word ed-mark' else 'pb ed-mark'}" title="{$title}">
      <xsl:if test="@n"><xsl:attribute name="data-n" select="@n"/></xsl:if>
      <xsl:if test="not($in-word)">|</xsl:if>
    </span>
  </xsl:template>

</xsl:stylesheet>
