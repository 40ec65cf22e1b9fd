<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe: TEI -> HTML for WeasyPrint (CSS paged media), the print edition.

  Imports the reading-edition stylesheet and overrides only what print needs:
    - front matter: a title page (title, date, place, participants,
      translator; source and licence at its foot) and, overleaf, "About this
      edition" (summary, source, archival reference, language, editorial
      conventions, "Cite this", publisher, licence, encoding); the record
      opens on a right-hand page (no screen header, footer or endnote list);
    - speaker turns: the label (small caps, with its delivery direction) runs
      into the first paragraph of the turn, which hangs (print.css), so a
      label can never be left alone at a page foot; the turn number stands
      in the margin;
    - the end of the record kept together: the closer, and any stage
      directions between the last turn and it, are marked
      class="keep-with-previous";
    - notes as CSS footnotes: the note text is placed at the call as
      <span class="footnote" data-n="N">, floated to the page foot;
    - end matter (section#end-matter, on a right-hand page): the list of
      participants (page of each one's first turn) and the index of persons
      (every turn and every persName[@ref] naming them). Page numbers are
      CSS target-counter()s of <a class="page-ref" href="#sp-N|#pn-N">;
      teiscribe.render replaces each <span class="page-refs"> by the
      de-duplicated page ranges (a second layout of the end matter only);
    - running heads: the short title (string running-title) on versos, the
      section head (string section) on rectos;
    - the page size ($page-size) as an @page rule; teiscribe.render adds its
      own page set-up (sizes, bleed, crop marks) after it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../html/html.xsl"/>

  <!-- Page size: a CSS page size ('A5' default, 'A4', 'letter', '6in 9in'...). -->
  <xsl:param name="page-size" as="xs:string" select="'A5'"/>
  <!-- Href of the (self-contained) paged-media stylesheet; overrides html.xsl's. -->
  <xsl:param name="css-href" as="xs:string" select="'print.css'"/>

  <!-- Ids of the turns ('sp-N', as turns.xsl numbers them) and of the names
       in the text ('pn-N'), by generate-id(), computed once. -->
  <xsl:variable name="ts:sp-ids" as="map(xs:string, xs:string)">
    <xsl:map>
      <xsl:for-each select="//sp">
        <xsl:map-entry key="generate-id(.)" select="'sp-' || position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>
  <xsl:variable name="ts:pn-ids" as="map(xs:string, xs:string)">
    <xsl:map>
      <xsl:for-each select="/TEI/text//persName">
        <xsl:map-entry key="generate-id(.)" select="'pn-' || position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>
  <xsl:key name="turns-of" match="sp" use="tokenize(@who) ! replace(., '^#', '')"/>
  <xsl:key name="names-of" match="text//persName[@ref]" use="tokenize(@ref) ! replace(., '^#', '')"/>

  <xsl:template name="html-head">
    <xsl:if test="not(matches($page-size, '^[A-Za-z0-9. ]+$'))">
      <xsl:message terminate="yes" error-code="ts:page-size">page-size must be a CSS page size, not '<xsl:value-of select="$page-size"/>'</xsl:message>
    </xsl:if>
    <meta charset="utf-8"/>
    <title><xsl:value-of select="ts:title(.)"/></title>
    <xsl:call-template name="meta-tags"/>
    <link rel="stylesheet" href="{$css-href}"/>
    <style>@page { size: <xsl:value-of select="$page-size"/>; }</style>
  </xsl:template>

  <xsl:template name="html-body">
    <section class="title-page">
      <h1 class="title" data-short-title="{ts:short-title(.)}"><xsl:value-of select="ts:title(.)"/></h1>
      <dl class="meta title-meta">
        <xsl:call-template name="meta-rows-people"/>
      </dl>
      <xsl:call-template name="title-foot"/>
    </section>
    <section class="about" aria-labelledby="about-heading">
      <h2 id="about-heading">About this edition</h2>
      <dl class="meta">
        <xsl:call-template name="meta-rows-source"/>
      </dl>
      <section class="conventions">
        <h3>Editorial conventions</h3>
        <xsl:call-template name="conventions-list"/>
      </section>
      <p class="cite"><strong>Cite this: </strong><xsl:call-template name="cite-this"/></p>
      <xsl:call-template name="imprint"/>
    </section>
    <main id="record">
      <xsl:apply-templates select="/TEI/text"/>
    </main>
    <xsl:call-template name="end-matter"/>
  </xsl:template>

  <!-- The foot of the title page: the archival source and the licence. -->
  <xsl:template name="title-foot">
    <xsl:variable name="ms" select="$ts:hdr/fileDesc/sourceDesc/msDesc"/>
    <xsl:variable name="licence" as="node()*"><xsl:call-template name="licence"/></xsl:variable>
    <div class="title-foot">
      <xsl:if test="$ms">
        <p class="title-source"><xsl:value-of select="ts:sentence(ts:archival-reference($ms[1]))"/></p>
      </xsl:if>
      <xsl:if test="$ts:hdr/fileDesc/publicationStmt/availability/licence">
        <p class="title-licence"><xsl:sequence select="$licence"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- Publisher, licence and encoding; nothing is printed for an empty field. -->
  <xsl:template name="imprint">
    <xsl:variable name="licence" as="node()*"><xsl:call-template name="licence"/></xsl:variable>
    <xsl:variable name="publisher"
        select="string-join(($ts:hdr/fileDesc/publicationStmt/publisher ! normalize-space(.))[.], ', ')"/>
    <xsl:if test="$publisher">
      <p class="publisher">Published by <xsl:value-of select="ts:sentence($publisher)"/></p>
    </xsl:if>
    <xsl:if test="normalize-space(string-join($licence ! string(.)))">
      <p class="licence"><xsl:sequence select="$licence"/></p>
    </xsl:if>
    <p class="encoding">
      <xsl:text>Encoded in TEI P5</xsl:text>
      <xsl:value-of select="$ts:hdr/encodingDesc/appInfo/application[1] ! (' by ' || normalize-space(label) || ' ' || @version)"/>
      <xsl:text>.</xsl:text>
    </p>
    <p class="typography">Straight quotation marks and double hyphens of the source are printed as
      typographic quotation marks and dashes.</p>
  </xsl:template>

  <!-- ===== the record ===== -->

  <!-- The first section head is the recto running head (string-set in print.css). -->
  <xsl:template match="text//head[not(@type = 'sub')]">
    <xsl:element name="h{min((count(ancestor::div) + 1, 6))}">
      <xsl:attribute name="class" select="'section-head'"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A list's head is a lead-in, not a section heading: the HTML module's rule. -->
  <xsl:template match="list/head" priority="2">
    <xsl:apply-imports/>
  </xsl:template>

  <!-- A turn: the label runs into the first paragraph when one follows it. -->
  <xsl:template match="sp">
    <xsl:variable name="n" select="$ts:sp-ids(generate-id(.))"/>
    <xsl:variable name="ids" select="tokenize(@who) ! replace(., '^#', '')"/>
    <section id="{$n}" class="{string-join(('sp', $ids ! ('speaker-' || ts:token(.))), ' ')}"
        aria-label="Turn {substring-after($n, 'sp-')}: {ts:speaker-name(.)}">
      <xsl:if test="not(speaker) or not(ts:run-in(.))">
        <p class="speaker"><xsl:call-template name="label"/></p>
      </xsl:if>
      <xsl:apply-templates/>
      <!-- where the turn ends: the index of persons counts every page a turn runs over -->
      <div id="{$n}-end" class="turn-end"/>
    </section>
  </xsl:template>

  <!-- The paragraph the label runs into: the first p, when only the speaker
       and its delivery directions stand before it. -->
  <xsl:function name="ts:run-in" as="element(p)?">
    <xsl:param name="sp" as="element(sp)"/>
    <xsl:sequence select="$sp/p[1][every $e in preceding-sibling::* satisfies
        ($e/self::speaker or $e/self::stage[@type = 'delivery'])]"/>
  </xsl:function>

  <!-- Turn number (margin), name, and a delivery direction just after <speaker>. -->
  <xsl:template name="label">
    <xsl:variable name="sp" select="ancestor-or-self::sp[1]"/>
    <span class="turn-number"><xsl:value-of select="substring-after($ts:sp-ids(generate-id($sp)), 'sp-')"/><xsl:text> </xsl:text></span>
    <span class="speaker-name">
      <xsl:choose>
        <xsl:when test="$sp/speaker"><xsl:apply-templates select="$sp/speaker/node()"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="ts:speaker-name($sp)"/></xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:apply-templates mode="speaker-line"
        select="$sp/speaker/following-sibling::*[1][self::stage[@type = 'delivery']]"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="speaker"/>

  <xsl:template match="sp/p">
    <xsl:choose>
      <xsl:when test=". is ts:run-in(..)">
        <p class="turn-first"><xsl:call-template name="label"/><xsl:apply-templates/></p>
      </xsl:when>
      <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The end of the record: keep the closer (and stage directions just before
       it) on the page of the last turn. -->
  <xsl:template match="closer">
    <p class="closer keep-with-previous"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="stage[following-sibling::*[not(self::stage)][1][self::closer]]" priority="4">
    <p class="{ts:stage-class(.)} keep-with-previous"><xsl:call-template name="stage-content"/></p>
  </xsl:template>

  <!-- A name in the text: an anchor for the index of persons. -->
  <xsl:template match="text//persName">
    <span class="persName" id="{$ts:pn-ids(generate-id(.))}">
      <xsl:if test="@ref"><xsl:attribute name="data-ref" select="replace(@ref, '^#', '')"/></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- The note text goes where the call is; WeasyPrint floats it to the page foot. -->
  <xsl:template match="note">
    <span class="footnote" data-n="{ts:note-label(.)}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Blocks are not allowed inside the footnote span. -->
  <xsl:template match="note//p">
    <span class="note-p"><xsl:apply-templates/></span>
    <xsl:if test="following-sibling::p"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Typography of the record: the source's straight quotes and double hyphens are
       printed as curly quotes and an em dash (the TEI keeps them as written; the
       imprint says so). A quote at the start of a text node is opening when the
       text before it (another node) ends in a space, a bracket or nothing. -->
  <xsl:template match="text//text()">
    <xsl:variable name="opening" as="xs:boolean" select="matches(., '^[&quot;'']')
        and matches(string(preceding::text()[1]), '(^|[\s(\[—“‘])$')"/>
    <xsl:value-of select="ts:typeset(., $opening)"/>
  </xsl:template>

  <xsl:function name="ts:typeset" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="opening" as="xs:boolean"/>
    <xsl:variable name="q" select="'&quot;'"/>
    <xsl:variable name="a" select="&quot;'&quot;"/>
    <!-- A space before the node makes a quote at its start opening, a letter closing. -->
    <xsl:variable name="out" select="(if ($opening) then ' ' else 'x') || $s
        => replace('--', '—')
        => replace('([\s(\[—])' || $q, '$1“')
        => replace($q, '”')
        => replace('([\s(\[—“])' || $a || '(\w)', '$1‘$2')
        => replace($a, '’')"/>
    <xsl:sequence select="substring($out, 2)"/>
  </xsl:function>

  <!-- ===== end matter: participants and the index of persons ===== -->

  <xsl:template name="end-matter">
    <xsl:variable name="persons" select="$ts:hdr/profileDesc/particDesc//person[@xml:id]"/>
    <xsl:variable name="named" select="$persons[key('turns-of', @xml:id) or key('names-of', @xml:id)]"/>
    <xsl:if test="$named">
      <section class="end-matter" id="end-matter">
        <section class="participants-end" aria-labelledby="participants-heading">
          <h2 id="participants-heading" class="end-head">Participants</h2>
          <p class="end-note">In the order of the source’s list; the page of each one’s first turn.</p>
          <ul class="end-list">
            <xsl:for-each select="$persons">
              <xsl:variable name="roles" select="ts:role-labels(@role)"/>
              <xsl:variable name="first" select="key('turns-of', @xml:id)[1]"/>
              <li>
                <span class="entry-name"><xsl:value-of select="normalize-space((persName, .)[1])"/></span>
                <xsl:if test="exists($roles)"><span class="role">, <xsl:value-of select="string-join($roles, ', ')"/></span></xsl:if>
                <xsl:if test="$first">
                  <span class="leader"/><span class="page-refs"><a class="page-ref" href="#{$ts:sp-ids(generate-id($first))}"/></span>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </section>
        <section class="person-index" aria-labelledby="index-heading">
          <h2 id="index-heading" class="end-head">Index of persons</h2>
          <p class="end-note">Pages where each person speaks or is named.</p>
          <ul class="end-list index-list">
            <xsl:for-each select="$named">
              <xsl:sort select="lower-case(ts:index-name(normalize-space((persName, .)[1])))"/>
              <xsl:variable name="refs" select="(key('turns-of', @xml:id) ! $ts:sp-ids(generate-id(.)),
                  key('names-of', @xml:id) ! $ts:pn-ids(generate-id(.)))"/>
              <li>
                <span class="entry-name"><xsl:value-of select="ts:index-name(normalize-space((persName, .)[1]))"/></span>
                <xsl:text> </xsl:text>
                <span class="page-refs">
                  <xsl:for-each select="$refs"><a class="page-ref" href="#{.}"/></xsl:for-each>
                </span>
              </li>
            </xsl:for-each>
          </ul>
        </section>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- "N.S. Khrushchev" -> "Khrushchev, N.S."; a name without leading
       initials ("Mao Zedong", "Deng Xiaoping") is kept as written. -->
  <xsl:function name="ts:index-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="if (matches($name, '^(\p{Lu}\.\s?)+\s*\S'))
        then replace($name, '^((\p{Lu}\.\s?)+)\s*(.+)$', '$3, $1') ! normalize-space(.)
        else $name"/>
  </xsl:function>

</xsl:stylesheet>
